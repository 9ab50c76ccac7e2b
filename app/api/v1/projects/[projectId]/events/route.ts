// GET /api/v1/projects/:projectId/events - Server-Sent Events: generation status changes and new assets
import { withProject } from "@/lib/http/with-project";
import { projectEventStream } from "@/lib/events/project-event-stream";

export const GET = withProject("project.read", async ({ request, project, access }) => {
  const since = new Date(new URL(request.url).searchParams.get("since") ?? "");
  return projectEventStream({
    request,
    caller: access.caller,
    projectId: project.id,
    teamId: project.teamId,
    since: Number.isNaN(since.getTime()) ? null : since,
  });
});
