import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { devAuthSecret } from "@/scripts/dev-secret";

// `npm run dev` must not sign webhook tokens and sessions with lib/env.ts's fallback, which is public in the source.
describe("devAuthSecret", () => {
  it("makes a random secret on first run, keeps it private in the data folder, and reuses it", async () => {
    const [a, b] = await Promise.all([fs.mkdtemp(path.join(os.tmpdir(), "dev-secret-")), fs.mkdtemp(path.join(os.tmpdir(), "dev-secret-"))]);
    const first = await devAuthSecret(path.join(a, ".data"));
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(first).not.toBe(parseEnv({ DATABASE_URL: "postgres://x@127.0.0.1/db" }).AUTH_SECRET);
    expect((await fs.stat(path.join(a, ".data", "auth-secret"))).mode & 0o777).toBe(0o600);
    expect(await devAuthSecret(path.join(a, ".data"))).toBe(first);
    // Two first runs at once agree; another checkout gets its own.
    const racing = await Promise.all([devAuthSecret(path.join(b, ".data")), devAuthSecret(path.join(b, ".data"))]);
    expect(racing[0]).toBe(racing[1]);
    expect(racing[0]).not.toBe(first);
    await Promise.all([a, b].map((dir) => fs.rm(dir, { recursive: true, force: true })));
  });
});
