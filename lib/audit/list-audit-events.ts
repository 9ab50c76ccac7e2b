import { z } from "zod";
import { db } from "@/lib/db";

export const auditQuery = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type AuditEventDto = {
  id: string;
  action: string;
  actor: { userId: string | null; email: string | null; apiKeyId: string | null };
  targetType: string | null;
  targetId: string | null;
  metadata: unknown;
  createdAt: string;
};

/**
 * A team's audit events, newest first, a page at a time. Ids are time-sortable, so "older than the last id seen" is a
 * stable cursor even while new events arrive.
 */
export async function listAuditEvents(options: { teamId: string; cursor?: string; limit?: number }) {
  const limit = options.limit ?? 50;
  const rows = await db.auditEvent.findMany({
    where: { teamId: options.teamId, ...(options.cursor ? { id: { lt: options.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const userIds = [...new Set(page.map((r) => r.actorUserId).filter((id): id is string => Boolean(id)))];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } });
  const emails = new Map(users.map((u) => [u.id, u.email]));
  const data: AuditEventDto[] = page.map((r) => ({
    id: r.id,
    action: r.action,
    actor: { userId: r.actorUserId, email: r.actorUserId ? (emails.get(r.actorUserId) ?? null) : null, apiKeyId: r.actorKeyId },
    targetType: r.targetType,
    targetId: r.targetId,
    metadata: r.metadata,
    createdAt: r.createdAt.toISOString(),
  }));
  return { data, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}
