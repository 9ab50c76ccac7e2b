import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");

function start(script: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only-outside-next.mjs", script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = result.stderr.split("\n").filter((l) => l.trim() && !/AWS SDK|NodeVersionSupportWarning|node >=22|trace-warnings|a\.co\/|security updates|first week of January|^\s*$/.test(l));
  return { status: result.status, lines };
}

// Start-up must fail fast with one line that names the variable, before anything is started.
describe("bad configuration", () => {
  it("stops `npm run dev` on a malformed DATABASE_URL", () => {
    const { status, lines } = start("scripts/dev.ts", { DATABASE_URL: "mysql://nope" });
    expect(status).toBe(1);
    expect(lines).toEqual(['Invalid configuration: DATABASE_URL must be a postgres:// URL (got "mysql://nope")']);
  }, 60_000);

  it("stops `npm run dev` with one plain line, not a stack trace, when the database does not answer", () => {
    const { status, lines } = start("scripts/dev.ts", { DATABASE_URL: "postgres://u@127.0.0.1:1/x" });
    expect(status).toBe(1);
    expect(lines).toEqual([
      "The database at DATABASE_URL did not answer within 15s (connect ECONNREFUSED 127.0.0.1:1): check that it is running and the URL is right",
    ]);
  }, 60_000);

  it("stops the worker in production without AUTH_SECRET", () => {
    const { status, lines } = start("scripts/worker.ts", { NODE_ENV: "production", DATABASE_URL: "postgres://u@127.0.0.1:1/x" });
    expect(status).toBe(1);
    expect(lines).toEqual(["Invalid configuration: AUTH_SECRET is required in production"]);
  }, 60_000);
});
