import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";

/** Prints the demo credentials only while the demo account still has its original password. */
export async function demoSignInHint(demo: { email: string; password: string }) {
  const user = await db.user.findUnique({ where: { email: demo.email }, select: { passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, demo.password))) return null;
  return `sign in as ${demo.email} / ${demo.password}`;
}
