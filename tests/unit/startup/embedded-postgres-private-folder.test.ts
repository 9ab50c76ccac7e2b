import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startDatabase } from "@/scripts/stack/database";
import { RELOCATED_ROOT } from "@/scripts/stack/postgres-home";
import { freePort } from "@/tests/setup/free-port";

// As root, PostgreSQL runs as the `postgres` user, who cannot enter a private folder (`/root`, any `mktemp -d`):
// `npm run dev` and the test tiers died there with `spawn …/initdb EACCES`. The cluster now lives where that user
// can reach it, with `.data/postgres` pointing at it.
describe.runIf(process.getuid?.() === 0)("embedded PostgreSQL in a 0700 folder, as root", () => {
  const cleanup: string[] = [];
  afterAll(async () => {
    for (const dir of cleanup.reverse()) await fs.rm(dir, { recursive: true, force: true });
  });

  it("starts, answers, keeps its data owned by postgres with mode 0700, and starts afresh once .data is deleted", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "studio-private-"));
    cleanup.push(dir);
    expect((await fs.stat(dir)).mode & 0o777).toBe(0o700);
    const dataDir = path.join(dir, ".data", "postgres");
    const port = await freePort();

    const first = await startDatabase({ dataDir, port, database: "postgres" });
    try {
      const target = await fs.readlink(dataDir);
      cleanup.push(path.dirname(target));
      expect(target.startsWith(`${RELOCATED_ROOT}/`)).toBe(true);
      const stat = await fs.stat(target);
      expect(stat.mode & 0o777).toBe(0o700);
      expect(stat.uid).toBe(Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()));
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      await client.query("CREATE TABLE marker (id int)");
      await client.end();
    } finally {
      await first.stop();
    }

    // `rm -rf .data` resets the database, as it does where no relocation is needed.
    await fs.rm(path.join(dir, ".data"), { recursive: true });
    const second = await startDatabase({ dataDir, port, database: "postgres" });
    try {
      const client = new pg.Client({ connectionString: second.url });
      await client.connect();
      const { rows } = await client.query("SELECT to_regclass('marker') AS t");
      await client.end();
      expect(rows[0].t).toBeNull();
    } finally {
      await second.stop();
    }
  }, 120_000);
});
