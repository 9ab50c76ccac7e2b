import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { CreateProjectInput } from "@/lib/projects/project-schemas";

export async function createProject(options: { access: TeamAccess; input: CreateProjectInput }) {
  const { access, input } = options;
  return db.project.create({
    data: {
      id: createId("project"),
      teamId: access.teamId,
      name: input.name,
      description: input.description,
      createdById: access.actorUserId,
    },
  });
}
