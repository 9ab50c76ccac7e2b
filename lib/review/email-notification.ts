import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendEmail } from "@/lib/email/send-email";
import { RetryableJobError } from "@/lib/errors";

/**
 * Emails a notification to its member once: `emailedAt` is set only after the send, inside a row lock, so a retried
 * job (crash after sending, before marking) may at worst send twice, never zero times, and a finished one never again.
 * A member who left the team since is not emailed about its images.
 */
export async function emailNotification(options: { notificationId: string }) {
  await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Notification" WHERE "id" = ${options.notificationId} AND "emailedAt" IS NULL FOR UPDATE SKIP LOCKED`;
    if (!row) return;
    const n = await tx.notification.findUniqueOrThrow({
      where: { id: row.id },
      include: { user: { select: { email: true, memberships: { select: { teamId: true } } } } },
    });
    if (!n.user.memberships.some((m) => m.teamId === n.teamId)) return;
    const link = new URL(n.href, env().APP_URL).toString();
    // A mail server that is down or refuses for now is worth another try later (the queue backs off).
    await sendEmail({ to: n.user.email, subject: n.title, text: `${n.title}:\n\n${n.body}\n\nOpen it: ${link}\n` }).catch((error: unknown) => {
      throw new RetryableJobError(`sending the notification email failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    await tx.notification.update({ where: { id: n.id }, data: { emailedAt: new Date() } });
  }, { timeout: 30_000 });
}
