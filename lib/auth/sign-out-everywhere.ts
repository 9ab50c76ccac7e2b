import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * Ends every session of the user, on every device, including the one asking. Sessions live in the database, so the
 * next request from any of them finds no row and is treated as signed out.
 */
export async function signOutEverywhere(options: { userId: string; ip?: string | null }) {
  if (!options.userId) throw new AppError("unauthorized", "Sign in to continue.");
  return db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId: options.userId } });
    await recordAuditEvent({
      action: "auth.sign_out_everywhere",
      actorUserId: options.userId,
      targetType: "user",
      targetId: options.userId,
      metadata: { sessions: count },
      ip: options.ip ?? null,
      tx,
    });
    return { sessionsEnded: count };
  });
}
