import { db } from "@/lib/db";

// The page's clock and the clocks that stamped the rows (app, worker, database) may differ a little; a resync too many
// only costs a refresh, a missed one leaves a stale page.
const CLOCK_SLACK_MS = 2_000;

/**
 * Whether anything the project page shows may have changed since `since` (a generation's status or outputs, a new
 * asset): what a new event stream tells its page about the time it was not yet listening.
 */
export async function projectChangedSince(projectId: string, since: Date): Promise<boolean> {
  const after = new Date(since.getTime() - CLOCK_SLACK_MS);
  const [generation, output, asset] = await Promise.all([
    db.generation.findFirst({ where: { projectId, updatedAt: { gt: after } }, select: { id: true } }),
    db.generationOutput.findFirst({ where: { generation: { projectId }, updatedAt: { gt: after } }, select: { id: true } }),
    // updatedAt moves on every change a tile shows (favourite, rating, approval, tags, trash), and on creation.
    db.asset.findFirst({ where: { projectId, updatedAt: { gt: after } }, select: { id: true } }),
  ]);
  return Boolean(generation ?? output ?? asset);
}
