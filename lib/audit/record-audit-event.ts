import { db } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { createId } from "@/lib/ids";
import type { Prisma } from "@/lib/generated/prisma/client";

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
  | "project.created"
  | "project.updated"
  | "project.archived"
  | "project.unarchived"
  | "project.restricted_changed"
  | "project.member_added"
  | "project.member_removed"
  | "project.deleted"
  | "asset.deleted";

/** Appends one audit event; pass `tx` to make it commit (or roll back) with the change it describes. */
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
}
