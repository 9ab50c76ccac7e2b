import { db } from "@/lib/db";

// Password guessing is slowed, never answered with a lock-out someone else can trigger. Three throttles, each a score
// that decays continuously (half-life below: a sliding limit with no window boundary to burst across) and, past its
// free allowance, a delay before the next attempt that doubles with each attempt:
// - one client on one account: the tight one. It is keyed by the client too, so a stranger hammering someone's email
//   delays only themselves; the owner, signing in from elsewhere, is untouched.
// - one client on any accounts (spraying one password over many emails).
// - one account from anywhere (many clients, a botnet): a high allowance, and delays capped at a minute, so even a
//   distributed attack only slows the owner down.
// Every attempt is counted, atomically, before the password is checked: parallel attempts can't all slip in before
// the first failure is recorded. A successful sign-in gives its own count back.
export const SIGN_IN_THROTTLES = {
  accountFromClient: { free: 5, maxDelaySeconds: 15 * 60 },
  client: { free: 30, maxDelaySeconds: 15 * 60 },
  account: { free: 50, maxDelaySeconds: 60 },
} as const;
export const SIGN_IN_HALF_LIFE_SECONDS = 15 * 60;

// A burst of attempts queues for connections and row locks (each transaction is a few short statements); Prisma's
// default 2 s wait for a connection would turn a burst into 500s.
const TRANSACTION = { maxWait: 20_000, timeout: 10_000 };

type Throttle = { key: string; free: number; maxDelaySeconds: number; forgetOnSuccess: boolean };
type Row = { key: string; score: number; updatedAt: Date; nextAttemptAt: Date };

/** The throttles an attempt for this email from this client address (null: unknown) counts against. */
export function signInThrottles(email: string, ip: string | null): Throttle[] {
  const throttles: Throttle[] = [{ key: `signin:${email}`, ...SIGN_IN_THROTTLES.account, forgetOnSuccess: false }];
  if (ip) {
    throttles.push({ key: `signin:ip:${ip}`, ...SIGN_IN_THROTTLES.client, forgetOnSuccess: false });
    throttles.push({ key: `signin:${email}@${ip}`, ...SIGN_IN_THROTTLES.accountFromClient, forgetOnSuccess: true });
  }
  // One lock order for every transaction, so concurrent attempts wait for each other instead of deadlocking.
  return throttles.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/**
 * Counts one attempt against every throttle, or none if any of them says wait: returns 0 when the attempt may be
 * evaluated, else the seconds until it may be (Retry-After).
 */
export async function reserveSignInAttempt(throttles: Throttle[], now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = new Map<string, Row>();
    for (const { key } of throttles) {
      await tx.$executeRaw`INSERT INTO "SignInThrottle" (key, score, "updatedAt", "nextAttemptAt") VALUES (${key}, 0, ${now}, ${now}) ON CONFLICT (key) DO NOTHING`;
      const [row] = await tx.$queryRaw<Row[]>`SELECT key, score, "updatedAt", "nextAttemptAt" FROM "SignInThrottle" WHERE key = ${key} FOR UPDATE`;
      rows.set(key, row!);
    }
    const wait = Math.max(0, ...[...rows.values()].map((r) => Math.ceil((r.nextAttemptAt.getTime() - now.getTime()) / 1000)));
    if (wait > 0) return wait;
    for (const throttle of throttles) {
      const score = decayed(rows.get(throttle.key)!, now) + 1;
      const nextAttemptAt = new Date(now.getTime() + delaySeconds(score, throttle) * 1000);
      await tx.signInThrottle.update({ where: { key: throttle.key }, data: { score, updatedAt: now, nextAttemptAt } });
    }
    return 0;
  }, TRANSACTION);
}

/** A successful sign-in: its own count is given back, and the client's failures on this account are forgotten. */
export async function releaseSignInAttempt(throttles: Throttle[], now = new Date()) {
  await db.$transaction(async (tx) => {
    for (const throttle of throttles) {
      if (throttle.forgetOnSuccess) {
        await tx.signInThrottle.deleteMany({ where: { key: throttle.key } });
        continue;
      }
      const [row] = await tx.$queryRaw<Row[]>`SELECT key, score, "updatedAt", "nextAttemptAt" FROM "SignInThrottle" WHERE key = ${throttle.key} FOR UPDATE`;
      if (row) await tx.signInThrottle.update({ where: { key: throttle.key }, data: { score: Math.max(0, decayed(row, now) - 1), updatedAt: now } });
    }
  }, TRANSACTION);
}

function decayed(row: Row, now: Date) {
  const elapsed = Math.max(0, (now.getTime() - row.updatedAt.getTime()) / 1000);
  return row.score * 0.5 ** (elapsed / SIGN_IN_HALF_LIFE_SECONDS);
}

/** Nothing within the allowance; then 1 s, 2 s, 4 s, … per attempt beyond it, up to the throttle's cap. */
function delaySeconds(score: number, throttle: Throttle) {
  const over = Math.ceil(score - throttle.free - 1e-9);
  return over <= 0 ? 0 : Math.min(throttle.maxDelaySeconds, 2 ** (over - 1));
}
