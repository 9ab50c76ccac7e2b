import type { Tx } from "@/lib/db";
import type { JobExecutor } from "@/lib/jobs/enqueue";

/**
 * Lets pg-boss insert jobs inside a Prisma interactive transaction, so a job and the rows it is about commit or roll
 * back together (an outbox without a second table): no email for a comment that was never saved, and no saved
 * mention whose email is lost to a crash between two commits.
 */
export function prismaJobExecutor(tx: Tx): JobExecutor {
  return { query: async (text, values = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) };
}
