// GET /api/v1/teams/:teamId/elements - the team's element library (?archived=true for the archive), with usage counts
// POST /api/v1/teams/:teamId/elements - create an element (version 1) from uploaded images or gallery assets
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { createElement } from "@/lib/elements/create-element";
import { listElements } from "@/lib/elements/list-elements";
import { getElementOrThrow } from "@/lib/elements/get-element-or-throw";
import { toElementDto } from "@/lib/elements/element-dto";
import { createElementInput, listElementsQuery } from "@/lib/elements/element-schemas";

export const GET = withTeam("project.read", async ({ request, access }) => {
  const query = listElementsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await listElements({ access, archived: query.archived });
  return json({ data: await Promise.all(rows.map((r) => toElementDto(r.element, r.usageCount))) });
});

export const POST = withTeam("element.manage", async ({ request, access }) => {
  const input = createElementInput.parse(await readJson(request));
  const element = await createElement({ access, input });
  return json(await toElementDto(await getElementOrThrow({ access, elementId: element.id }), 0), { status: 201 });
});
