// GET /api/v1/projects/:projectId - one project
import { json } from "@/lib/http/respond";
import { withProject } from "@/lib/http/with-project";
import { toProjectDto } from "@/lib/projects/project-schemas";

export const GET = withProject("project.read", async ({ project }) => json(toProjectDto(project)));
