import { AppError } from "@/lib/errors";
import type { ProviderId } from "@/lib/kling/providers";
import { ProviderError } from "@/lib/providers/provider-error";
import { adapterForTeam } from "@/lib/providers-config/adapter-for-team";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { PROVIDER_PROMPT_ENHANCER } from "@/lib/prompts/provider-prompt-enhancer";

const VERSIONS = 3;
// Runware counts promptMaxLength in tokens (~¾ of a word each): room for a detailed prompt, short of its 400 ceiling.
const MAX_TOKENS = 150;

/**
 * Suggestions from the provider's own prompt enhancer, called with the team's key for that provider (it may charge a
 * fraction of a cent, so the caller must be allowed to generate). Not deterministic: the built-in enhancer is.
 */
export async function enhanceWithProvider(options: { access: TeamAccess; provider: ProviderId; prompt: string }): Promise<string[]> {
  const { provider } = options;
  const prompt = options.prompt.trim();
  const enhancer = PROVIDER_PROMPT_ENHANCER[provider];
  const { adapter } = enhancer ? await adapterForTeam({ teamId: options.access.teamId, provider }) : { adapter: null };
  if (!enhancer || !adapter?.enhancePrompt) {
    throw new AppError("validation_failed", "This provider has no prompt enhancer.", { fields: { provider: "Only Runware documents a prompt enhancer." } });
  }
  if (!prompt || prompt.length > enhancer.maxPromptChars) {
    throw new AppError("validation_failed", `${enhancer.label} takes 1 to ${enhancer.maxPromptChars} characters.`, {
      fields: { prompt: `${enhancer.label} takes 1 to ${enhancer.maxPromptChars} characters.` },
    });
  }
  try {
    return await adapter.enhancePrompt({ prompt, versions: VERSIONS, maxTokens: MAX_TOKENS });
  } catch (error) {
    if (error instanceof ProviderError) throw new AppError("bad_gateway", `${enhancer.label} did not answer: ${error.message}`);
    throw error;
  }
}
