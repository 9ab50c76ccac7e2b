import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { SIGN_IN_THROTTLES } from "@/lib/auth/sign-in-throttle";
import { createUser } from "@/prisma/factories/create-user";

// One instant for every attempt: the throttles' delays are real time, and on a busy machine an argon2 check can
// outlast the first one.
const now = new Date();

async function attempt(email: string, password: string, ip: string | null = null) {
  try {
    await signInWithPassword({ email, password, ip, now });
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.message}`;
    throw error;
  }
}

describe("signInWithPassword", () => {
  it("creates a database session for the right password", async () => {
    const { user, password } = await createUser();
    const result = await signInWithPassword({ email: user.email.toUpperCase(), password });
    const session = await db.session.findUnique({ where: { sessionToken: result.sessionToken } });
    expect(session?.userId).toBe(user.id);
  });

  it("slows one client on one account, identically for known and unknown emails", async () => {
    const { user } = await createUser();
    const unknown = `nobody-${Date.now()}@example.test`;
    const client = `198.51.100.${Math.floor(Math.random() * 250)}-${Date.now()}`;
    const known: string[] = [];
    const missing: string[] = [];
    const free = SIGN_IN_THROTTLES.accountFromClient.free;
    for (let i = 0; i < free + 3; i++) {
      known.push(await attempt(user.email, "wrong password", client));
      missing.push(await attempt(unknown, "wrong password", client));
    }
    expect(known).toEqual(missing);
    // The allowance, then one more checked (it sets the first delay), then "wait".
    expect(known.slice(0, free + 1).every((r) => r.startsWith("401"))).toBe(true);
    expect(known.slice(free + 1).every((r) => r.startsWith("429"))).toBe(true);
  });
});
