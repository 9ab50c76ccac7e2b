import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEMP_DOWNLOAD_PREFIX } from "@/lib/outbound/download-to-file";
import { sweepTempDownloads } from "@/lib/outbound/sweep-temp-downloads";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "sweep-test-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function file(name: string, ageMs: number) {
  const p = path.join(dir, name);
  await fs.writeFile(p, "x");
  const at = new Date(Date.now() - ageMs);
  await fs.utimes(p, at, at);
  return p;
}

const exists = (p: string) => fs.stat(p).then(() => true, () => false);

describe("sweepTempDownloads", () => {
  it("removes only our own temp files older than the limit", async () => {
    const stale = await file(`${TEMP_DOWNLOAD_PREFIX}stale`, 2 * 60 * 60_000);
    const fresh = await file(`${TEMP_DOWNLOAD_PREFIX}fresh`, 60_000);
    const someoneElses = await file("other-program-file", 2 * 60 * 60_000);
    expect(await sweepTempDownloads({ dir, maxAgeMs: 60 * 60_000 })).toBe(1);
    expect(await exists(stale)).toBe(false);
    expect(await exists(fresh)).toBe(true);
    expect(await exists(someoneElses)).toBe(true);
  });

  it("leaves directories alone and copes with a missing temp dir", async () => {
    await fs.mkdir(path.join(dir, `${TEMP_DOWNLOAD_PREFIX}dir`));
    expect(await sweepTempDownloads({ dir, maxAgeMs: 0, now: Date.now() + 1000 })).toBe(0);
    expect(await sweepTempDownloads({ dir: path.join(dir, "missing") })).toBe(0);
  });
});
