import { db } from "@/lib/db";

/** The team's keys, live ones first, newest first within each group. */
export async function listApiKeys(options: { teamId: string }) {
  const keys = await db.apiKey.findMany({ where: { teamId: options.teamId }, orderBy: { createdAt: "desc" } });
  return [...keys.filter((k) => !k.revokedAt), ...keys.filter((k) => k.revokedAt)];
}
