import { inject } from "vitest";
import sharp from "sharp";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { originalKey } from "@/lib/storage/object-keys";
import { putObjectOnce } from "@/lib/storage/put-object-once";

/** The simulator's control API (the outside world's test hooks). */
export async function sim<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${inject("stackEnv").SIMULATOR_URL}/_sim${path}`, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: { "content-type": "application/json" },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`simulator ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, options: { timeoutMs?: number; what?: string } = {}) {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? "condition"}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits until every generation is terminal and none of its outputs is still being copied. */
export async function waitForSettled(ids: string[], timeoutMs = 120_000) {
  await waitFor(
    async () => {
      const open = await db.generation.count({ where: { id: { in: ids }, status: { in: ["queued", "submitted", "running"] } } });
      const pending = await db.generationOutput.count({ where: { generationId: { in: ids }, status: "pending" } });
      return open === 0 && pending === 0;
    },
    { timeoutMs, what: `${ids.length} generations to settle` },
  );
}

/** A PNG asset in the team's gallery, usable as an edit source or reference. */
export async function referenceAsset(options: { teamId: string; projectId: string; width?: number; height?: number; hue?: number }) {
  const width = options.width ?? 1024;
  const height = options.height ?? 1024;
  const body = await sharp({ create: { width, height, channels: 3, background: { r: options.hue ?? 120, g: 90, b: 200 } } }).png().toBuffer();
  const sha256 = createHash("sha256").update(body).digest("hex");
  const storageKey = originalKey({ teamId: options.teamId, sha256, format: "png" });
  await putObjectOnce({ key: storageKey, body, contentType: "image/png" });
  return db.asset.create({
    data: { id: createId("asset"), teamId: options.teamId, projectId: options.projectId, storageKey, width, height, bytes: body.length, format: "png", sha256 },
  });
}

export async function stackControl(action: "kill" | "start" | "add") {
  const res = await fetch(`${inject("stackControlUrl")}/worker/${action}`, { method: "POST" });
  if (!res.ok) throw new Error(`worker ${action} failed: ${res.status}`);
}
