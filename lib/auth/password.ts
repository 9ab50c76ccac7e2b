import { hash, verify, type Algorithm } from "@node-rs/argon2";

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes): strong, and ~30 ms on our 2-core machines.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the email is unknown (or a share link is missing) makes both paths take the same time.
// A fixed hash made once with OPTIONS, not one hashed on first use: hashing lazily made the first refusal of each
// server process a whole argon2 hash slower than every later one (~100 ms measured on the share unlock route,
// BENCHMARKS.md "Session 9"). tests/unit/auth/dummy-password-hash.test.ts holds it to OPTIONS, so a change of
// parameters that forgets it fails there instead of reopening the gap.
export const DUMMY_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$VIL6aCwi7KIALqfkY4URDw$Fua+2UBE8Jj0OYK5J6KTkgqcVPmyKdElY5KXix91q6U";
export const PASSWORD_HASH_OPTIONS = OPTIONS;

export function dummyPasswordHash(): Promise<string> {
  return Promise.resolve(DUMMY_PASSWORD_HASH);
}
