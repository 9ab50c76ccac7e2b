import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";

// Factories are shared by prisma/seed.ts and the tests, so the demo data and the test data are built the same way.
export async function createUser(options: { email?: string; name?: string; password?: string } = {}) {
  const email = (options.email ?? `user-${randomBytes(6).toString("hex")}@example.test`).toLowerCase();
  const password = options.password ?? "correct horse battery staple";
  const user = await db.user.create({
    data: { email, name: options.name ?? email.split("@")[0], passwordHash: await hashPassword(password) },
  });
  return { user, password };
}
