import { db } from "@/lib/db";

/** What a signed-in person may read about themselves (GET /api/v1/me): never the password hash or session rows. */
export async function getUserProfile(options: { userId: string }) {
  return db.user.findUniqueOrThrow({ where: { id: options.userId }, select: { id: true, email: true, name: true } });
}
