import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { SIGN_IN_MAX_FAILURES, signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { createUser } from "@/prisma/factories/create-user";

async function attempt(email: string, password: string) {
  try {
    await signInWithPassword({ email, password });
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

  it("locks out after repeated failures, identically for known and unknown emails", async () => {
    const { user, password } = await createUser();
    const unknown = `nobody-${Date.now()}@example.test`;
    const known: string[] = [];
    const missing: string[] = [];
    for (let i = 0; i < SIGN_IN_MAX_FAILURES + 2; i++) {
      known.push(await attempt(user.email, "wrong password"));
      missing.push(await attempt(unknown, "wrong password"));
    }
    expect(known).toEqual(missing);
    expect(known.slice(0, SIGN_IN_MAX_FAILURES).every((r) => r.startsWith("401"))).toBe(true);
    expect(known.slice(SIGN_IN_MAX_FAILURES).every((r) => r.startsWith("429"))).toBe(true);
    // Even the right password is refused while locked out.
    expect(await attempt(user.email, password)).toMatch(/^429/);
  });
});
