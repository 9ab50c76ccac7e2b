import { db } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { createId } from "@/lib/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publishEvent } from "@/lib/events/publish-event";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_out_everywhere"
  | "team.created"
  | "team.renamed"
  | "team.ownership_transferred"
  | "team.default_provider_changed"
  | "member.invited"
  | "member.joined"
  | "member.role_changed"
  | "member.removed"
  | "member.left"
  | "invitation.revoked"
  | "apikey.created"
  | "apikey.revoked"
  | "credential.saved"
  | "credential.deleted"
  | "budget.changed"
  | "spend_cap.changed"
  | "spend_cap.removed"
  | "spend_alerts.changed"
  | "spend_alerts.secret_rotated"
  | "project.created"
  | "project.updated"
  | "project.archived"
  | "project.unarchived"
  | "project.restricted_changed"
  | "project.member_added"
  | "project.member_removed"
  | "project.deleted"
  | "asset.deleted";

// The changes after which someone may be allowed less than before. Every one of them is audited, so announcing them
// here (to open event streams, which then re-check their caller: app/api/v1/projects/[projectId]/events) can't be
// forgotten by a new code path that makes such a change.
const ACCESS_SHRINKING: ReadonlySet<AuditAction> = new Set<AuditAction>([
  "auth.sign_out_everywhere",
  "team.ownership_transferred",
  "member.role_changed",
  "member.removed",
  "member.left",
  "apikey.revoked",
  "project.restricted_changed",
  "project.member_removed",
  "project.deleted",
]);

/**
 * Appends one audit event; pass `tx` to make it commit (or roll back) with the change it describes (and, for a change
 * that may shrink someone's access, the access.changed notification with it).
 */
export async function recordAuditEvent(options: {
  action: AuditAction;
  teamId?: string | null;
  actorUserId?: string | null;
  actorKeyId?: string | null;
  targetType?: string;
  targetId?: string;
  metadata?: Prisma.InputJsonValue;
  ip?: string | null;
  tx?: Tx;
}) {
  const { tx, ...event } = options;
  await (tx ?? db).auditEvent.create({
    data: { id: createId("audit"), ...event, metadata: event.metadata ?? {} },
  });
  if (ACCESS_SHRINKING.has(event.action)) await publishEvent({ type: "access.changed", teamId: event.teamId ?? null }, tx);
}

/** Who to name in an audit event: the person, and the API key when a key made the call on their behalf. */
export function actorOf(access: TeamAccess): { actorUserId: string | null; actorKeyId: string | null } {
  return {
    actorUserId: access.actorUserId,
    actorKeyId: access.caller.kind === "apiKey" ? access.caller.keyId : null,
  };
}
