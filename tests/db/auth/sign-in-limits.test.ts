import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { consumeMagicLinkLimits, MAGIC_LINK_LIMITS } from "@/lib/auth/magic-link-limits";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { SIGN_IN_THROTTLES } from "@/lib/auth/sign-in-throttle";
import { createUser } from "@/prisma/factories/create-user";

// One instant for the attempts of a test: the throttles' delays are real time, and on a busy machine an argon2 check can
// outlast the first one.
const instant = new Date();
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

  it("slows an IP spraying one password over many emails, and audits each checked attempt", { timeout: 120_000 }, async () => {
    const address = ip();
    const { user, password } = await createUser();
    const checked = SIGN_IN_THROTTLES.client.free + 1;
    for (let i = 0; i < checked; i++) {
      // Spread over emails so no per-account throttle is involved.
      expect(await outcome(() => signInWithPassword({ email: `spray-${i}-${Date.now()}@example.test`, password: "x", ip: address, now: instant }))).toBe("401");
    }
    expect(await outcome(() => signInWithPassword({ email: user.email, password, ip: address, now: instant }))).toBe("429 retry");
    expect(await outcome(() => signInWithPassword({ email: user.email, password, ip: ip(), now: instant }))).toBe("ok");
    const failures = await db.auditEvent.count({ where: { action: "auth.sign_in_failed", ip: address } });
    expect(failures).toBe(checked);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in", actorUserId: user.id } })).toBe(1);
  });

  it("is no lock-out tool: a stranger's failures on an email never stop its owner signing in from elsewhere", async () => {
    const { user, password } = await createUser();
    const stranger = ip();
    for (let i = 0; i < SIGN_IN_THROTTLES.accountFromClient.free + 10; i++) await outcome(() => signInWithPassword({ email: user.email, password: "guess", ip: stranger, now: instant }));
    expect(await outcome(() => signInWithPassword({ email: user.email, password, ip: stranger, now: instant }))).toBe("429 retry");
    expect(await outcome(() => signInWithPassword({ email: user.email, password, ip: ip(), now: instant }))).toBe("ok");
  });

  it("counts parallel attempts before checking any: 40 at once get no more password checks than the allowance", { timeout: 60_000 }, async () => {
    const { user } = await createUser();
    const address = ip();
    const results = await Promise.all(Array.from({ length: 40 }, () => outcome(() => signInWithPassword({ email: user.email, password: "guess", ip: address, now: instant }))));
    const checked = results.filter((r) => r === "401").length;
    expect(checked).toBe(SIGN_IN_THROTTLES.accountFromClient.free + 1);
    expect(results.filter((r) => r === "429 retry")).toHaveLength(40 - checked);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed", ip: address } })).toBe(checked);
  });

  it("slides: no fresh allowance at a window boundary, and delays double instead of locking", async () => {
    const { user } = await createUser();
    const address = ip();
    const at = (ms: number) => new Date(Math.ceil(Date.now() / 900_000) * 900_000 + ms);
    const attempt = (now: Date) => outcome(() => signInWithPassword({ email: user.email, password: "guess", ip: address, now }));
    // The allowance spent just before a quarter-hour boundary, then a burst just after it: a fixed 15-minute window
    // would allow the whole allowance again.
    for (let i = 0; i < SIGN_IN_THROTTLES.accountFromClient.free; i++) expect(await attempt(at(-1000))).toBe("401");
    const burst = [];
    for (let i = 0; i < SIGN_IN_THROTTLES.accountFromClient.free; i++) burst.push(await attempt(at(1000)));
    expect(burst.filter((r) => r === "401")).toHaveLength(1);
    // Each further attempt, made as soon as allowed, waits twice as long as the one before.
    const waits: number[] = [];
    let now = at(1000);
    for (let i = 0; i < 5; i++) {
      let wait = 0;
      try {
        await signInWithPassword({ email: user.email, password: "guess", ip: address, now });
      } catch (error) {
        wait = Number((error as AppError).headers?.["Retry-After"] ?? 0);
      }
      if (wait === 0) continue;
      waits.push(wait);
      now = new Date(now.getTime() + wait * 1000);
    }
    expect(waits.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]!);
  });
});
