import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { ensureBucket } from "@/lib/storage/ensure-bucket";
import { resolveReferences } from "@/lib/generations/resolve-references";
import { startStorage, type StorageHandle } from "@/scripts/stack/storage";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { accessFor } from "@/tests/helpers/team-access";
import { startOutsideOrigin, type OutsideOrigin } from "@/tests/helpers/outside-origin-server";

// Reference URLs are outside origins a caller chooses: ten slow ones fetched one after another held a request for
// 109 s. They are fetched at once, under one deadline for the lot, and a reference still downloading at the deadline
// is refused by name.

let storage: StorageHandle | undefined;
let origin: OutsideOrigin | undefined;
let tmp: string | undefined;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "reference-deadline-"));
  storage = await startStorage({ dataDir: tmp, port: 0 });
  origin = await startOutsideOrigin();
  // lib/env.ts parses on first use: these are in place before any lib code reads configuration.
  Object.assign(process.env, storage.env, { OUTBOUND_ALLOWED_HOSTS: origin.host });
  await ensureBucket();
});

afterAll(async () => {
  await origin?.close();
  await storage?.stop();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

async function access() {
  const { user } = await createUser();
  const team = await createTeam({ ownerId: user.id });
  return accessFor(user.id, team.id);
}

describe("reference URLs", () => {
  it("are fetched at once: ten that take 3 s each take about 3 s together, not 30", { timeout: 60_000 }, async () => {
    const references = Array.from({ length: 10 }, (_, i) => ({ url: `${origin!.base}/slow-image?ms=3000&n=${i}` }));
    const started = Date.now();
    const resolved = await resolveReferences({ access: await access(), references });
    expect(resolved.map((r) => [r.position, r.sourceUrl])).toEqual(references.map((r, i) => [i, r.url]));
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("share one deadline: a reference still downloading when it passes is refused by name, without waiting for it", { timeout: 60_000 }, async () => {
    const references = [{ url: `${origin!.base}/slow-image?ms=10` }, { url: `${origin!.base}/hang` }, { url: `${origin!.base}/slow-image?ms=60000` }];
    const started = Date.now();
    const error = await resolveReferences({ access: await access(), references, deadlineMs: 2_000 }).catch((e: unknown) => e);
    const took = Date.now() - started;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect(Object.keys((error as AppError).fields ?? {}).sort()).toEqual(["references.1.url", "references.2.url"]);
    expect((error as AppError).fields?.["references.1.url"]).toMatch(/did not finish in time/);
    expect(took).toBeLessThan(8_000);
  });
});
