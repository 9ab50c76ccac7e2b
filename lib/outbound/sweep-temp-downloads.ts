import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { TEMP_DOWNLOAD_PREFIX } from "@/lib/outbound/download-to-file";

// Far longer than any download or ingest may run (OUTBOUND_TIMEOUT_MS, the ingest job's expiry), so only files a
// crashed worker left behind are old enough.
const MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Deletes this machine's leftover ingest temp files (a worker killed mid-download leaves its file in the temp dir).
 * Run by each worker process at start and periodically: temp files are per machine, so a queued job would not do.
 */
export async function sweepTempDownloads(options: { dir?: string; maxAgeMs?: number; now?: number } = {}): Promise<number> {
  const dir = options.dir ?? os.tmpdir();
  const cutoff = (options.now ?? Date.now()) - (options.maxAgeMs ?? MAX_AGE_MS);
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith(TEMP_DOWNLOAD_PREFIX));
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile() || stat.mtimeMs >= cutoff) continue;
    await fs.rm(file, { force: true });
    removed++;
  }
  return removed;
}
