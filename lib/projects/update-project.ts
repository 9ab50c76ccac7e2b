import { db } from "@/lib/db";
import { recordAuditEvent, type AuditAction } from "@/lib/audit/record-audit-event";
import { actorOf } from "@/lib/audit/record-audit-event";
import { getTeamProjectOrThrow } from "@/lib/projects/get-team-project-or-throw";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { UpdateProjectInput } from "@/lib/projects/project-settings-schemas";

/** Renames, re-describes, archives/unarchives or (un)restricts a project; each kind of change is audited. */
export async function updateProject(options: { access: TeamAccess; projectId: string; input: UpdateProjectInput }) {
  const { access, input } = options;
  const project = await getTeamProjectOrThrow(options);
  const archivedAt = input.archived === undefined ? undefined : input.archived ? (project.archivedAt ?? new Date()) : null;
  return db.$transaction(async (tx) => {
    const updated = await tx.project.update({
      where: { id: project.id },
      data: { name: input.name, description: input.description, restricted: input.restricted, archivedAt },
    });
    const events: [AuditAction, object][] = [];
    if ((input.name !== undefined && input.name !== project.name) || (input.description !== undefined && input.description !== project.description)) {
      events.push(["project.updated", { from: project.name, to: updated.name }]);
    }
    if (input.archived !== undefined && input.archived !== Boolean(project.archivedAt)) {
      events.push([input.archived ? "project.archived" : "project.unarchived", {}]);
    }
    if (input.restricted !== undefined && input.restricted !== project.restricted) {
      events.push(["project.restricted_changed", { restricted: input.restricted }]);
    }
    for (const [action, metadata] of events) {
      await recordAuditEvent({ tx, action, teamId: access.teamId, ...actorOf(access), targetType: "project", targetId: project.id, metadata: { ...metadata } });
    }
    return updated;
  });
}
