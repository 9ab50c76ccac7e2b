// POST /api/v1/teams/:teamId/prompts/provider-enhance - suggestions from a provider's own prompt enhancer (Runware), with the team's key
import { z } from "zod";
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { PROVIDER_IDS } from "@/lib/kling/providers";
import { enhanceWithProvider } from "@/lib/prompts/enhance-with-provider";

const input = z.object({ provider: z.enum(PROVIDER_IDS), prompt: z.string().max(2500) });

export const POST = withTeam("generation.create", async ({ request, access }) => {
  const { provider, prompt } = input.parse(await readJson(request));
  return json({ provider, suggestions: await enhanceWithProvider({ access, provider, prompt }) });
});
