// POST /api/v1/teams/:teamId/elements/:elementId/archive - archive ({ archived: true }) or restore ({ archived: false })
import { z } from "zod";
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { archiveElement } from "@/lib/elements/archive-element";

const input = z.object({ archived: z.boolean().default(true) });

export const POST = withTeam("element.manage", async ({ request, params, access }) => {
  const { archived } = input.parse(await readJson(request));
  const element = await archiveElement({ access, elementId: params.elementId ?? "", archived });
  return json({ id: element.id, archivedAt: element.archivedAt?.toISOString() ?? null });
});
