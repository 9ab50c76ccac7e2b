import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorOf } from "@/lib/audit/record-audit-event";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { CreateProjectInput } from "@/lib/projects/project-schemas";

export async function createProject(options: { access: TeamAccess; input: CreateProjectInput }) {
  const { access, input } = options;
  return db.$transaction(async (tx) => {
    const project = await tx.project.create({
      data: {
        id: createId("project"),
        teamId: access.teamId,
        name: input.name,
        description: input.description,
        createdById: access.actorUserId,
      },
    });
    await recordAuditEvent({ tx, action: "project.created", teamId: access.teamId, ...actorOf(access), targetType: "project", targetId: project.id, metadata: { name: project.name } });
    return project;
  });
}
