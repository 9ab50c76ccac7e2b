// GET /api/v1/teams/:teamId/elements/:elementId - an element with every version, its usage and the images made with each
// PATCH /api/v1/teams/:teamId/elements/:elementId - edit an element: always a new version; earlier generations keep theirs
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { getElementDetail } from "@/lib/elements/get-element-detail";
import { updateElement } from "@/lib/elements/update-element";
import { toElementDetailDto } from "@/lib/elements/element-detail-dto";
import { updateElementInput } from "@/lib/elements/element-schemas";

export const GET = withTeam("project.read", async ({ params, access }) => {
  return json(await toElementDetailDto(await getElementDetail({ access, elementId: params.elementId ?? "" })));
});

export const PATCH = withTeam("element.manage", async ({ request, params, access }) => {
  const input = updateElementInput.parse(await readJson(request));
  const element = await updateElement({ access, elementId: params.elementId ?? "", input });
  return json(await toElementDetailDto(await getElementDetail({ access, elementId: element.id })));
});
