import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { consumeMagicLinkLimits, MAGIC_LINK_LIMITS } from "@/lib/auth/magic-link-limits";
import { SIGN_IN_MAX_FAILURES_PER_IP, signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { createUser } from "@/prisma/factories/create-user";

const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${Date.now()}`;

async function outcome(fn: () => Promise<unknown>) {
  try {
    await fn();
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return `${error.status}${error.headers?.["Retry-After"] ? " retry" : ""}`;
    throw error;
  }
}

describe("sign-in rate limits", () => {
  it("limits magic-link requests per email, the same for known and unknown addresses", async () => {
    const { user } = await createUser();
    const unknown = `nobody-${Date.now()}@example.test`;
    const known: string[] = [];
    const missing: string[] = [];
    for (let i = 0; i <= MAGIC_LINK_LIMITS.perEmail.limit; i++) {
      known.push(await outcome(() => consumeMagicLinkLimits({ email: user.email, ip: null })));
      missing.push(await outcome(() => consumeMagicLinkLimits({ email: unknown, ip: null })));
    }
    expect(known).toEqual(missing);
    expect(known.at(-1)).toBe("429 retry");
    expect(known.slice(0, -1).every((r) => r === "ok")).toBe(true);
  });

  it("limits magic-link requests per IP across many addresses", async () => {
    const address = ip();
    const results: string[] = [];
    for (let i = 0; i <= MAGIC_LINK_LIMITS.perIp.limit; i++) {
      results.push(await outcome(() => consumeMagicLinkLimits({ email: `walk-${i}-${Date.now()}@example.test`, ip: address })));
    }
    expect(results.at(-1)).toBe("429 retry");
    expect(results.filter((r) => r === "ok")).toHaveLength(MAGIC_LINK_LIMITS.perIp.limit);
  });

  it("locks an IP out of password sign-in after many failures across emails, and audits each failure", async () => {
    const address = ip();
    const { user, password } = await createUser();
    for (let i = 0; i < SIGN_IN_MAX_FAILURES_PER_IP; i++) {
      // Spread over emails so the per-email lock never triggers first.
      expect(await outcome(() => signInWithPassword({ email: `spray-${i}-${Date.now()}@example.test`, password: "x", ip: address }))).toBe("401");
    }
    expect(await outcome(() => signInWithPassword({ email: user.email, password, ip: address }))).toBe("429 retry");
    expect(await outcome(() => signInWithPassword({ email: user.email, password, ip: ip() }))).toBe("ok");
    const failures = await db.auditEvent.count({ where: { action: "auth.sign_in_failed", ip: address } });
    expect(failures).toBe(SIGN_IN_MAX_FAILURES_PER_IP);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in", actorUserId: user.id } })).toBe(1);
  });
});
