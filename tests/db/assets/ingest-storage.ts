import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { ensureBucket } from "@/lib/storage/ensure-bucket";
import { startStorage, type StorageHandle } from "@/scripts/stack/storage";
import { startImageServer } from "./image-server";

/**
 * For an ingest test file: a real s3rver on a temp folder, and a local image server standing in for a provider's CDN
 * (allowed as an outside host), started before the file's tests and removed after them. lib/env.ts parses on first
 * use and nothing calls it at import time, so these settings are in place before any lib code reads configuration.
 */
export function ingestStorageForThisFile(options: { tmpPrefix: string }) {
  let storage: StorageHandle | undefined;
  let images: Awaited<ReturnType<typeof startImageServer>> | undefined;
  let tmp: string | undefined;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), options.tmpPrefix));
    storage = await startStorage({ dataDir: tmp, port: 0 });
    images = await startImageServer();
    Object.assign(process.env, storage.env, { OUTBOUND_ALLOWED_HOSTS: images.host });
    await ensureBucket();
  });
  afterAll(async () => {
    await images?.close();
    await storage?.stop();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });
  return { images: { url: (p: string) => images!.url(p) } };
}
