import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { createUser } from "@/prisma/factories/create-user";
import { addMember } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { ROOT } from "./discover";
import type { World } from "./world";

// Fixtures for the attacks that go through something other than a URL's ids (route-guard.test.ts, last block): asset
// ids inside request bodies, a key outliving its creator's demotion, an open event stream outliving access, a
// restricted project telling "forbidden" from "missing", spending in an archived project.

async function session(email: string, password: string) {
  const { sessionToken } = await signInWithPassword({ email, password });
  return { cookie: `authjs.session-token=${sessionToken}`, origin: inject("appUrl"), "content-type": "application/json" };
}

async function member(teamId: string, role: "admin" | "editor" | "viewer") {
  const { user, password } = await createUser();
  await addMember({ teamId, userId: user.id, role });
  return { user, headers: await session(user.email, password) };
}

async function succeededGeneration(teamId: string, projectId: string, createdById: string, mode: "edit" | "text_to_image" = "text_to_image") {
  return db.generation.create({
    data: {
      id: createId("generation"), teamId, projectId, createdById, model: "kling-v3", provider: "kling", mode,
      parameters: { prompt: "copy", aspect_ratio: "1:1" }, prompt: "copy", aspectRatio: "1:1", resolution: "1k", numImages: 1,
      status: "succeeded", correlationId: createId("generation"), estimatedCostMicros: 28_000n, succeededAt: new Date(),
    },
  });
}

export async function buildAttacks(world: World) {
  const teamId = world.team.id;
  const ownerId = world.owner.user.id;
  const ownerAccess = await resolveTeamAccess({ caller: { kind: "user", userId: ownerId }, teamId, permission: "team.manage" });
  const open = world.project; // not restricted: every member may generate in it

  // A restricted project and an image of it, which only owners, admins and its named members may see.
  const restricted = await createProjectRow({ teamId, name: "Secret launch", createdById: ownerId, restricted: true });
  const restrictedGeneration = await succeededGeneration(teamId, restricted.id, ownerId);
  const secretAsset = await db.asset.create({
    data: { id: createId("asset"), teamId, projectId: restricted.id, generationId: restrictedGeneration.id, outputIndex: 0, createdById: ownerId,
      storageKey: `originals/${teamId}/secret.png`, width: 1024, height: 1024, bytes: 1000, format: "png", sha256: "1".repeat(64) },
  });
  // A generation of the open project whose stored input is the secret image (made by the owner, who may see it):
  // re-running it must not hand the image to someone who may not.
  const leakyGeneration = await succeededGeneration(teamId, open.id, ownerId, "edit");
  await db.generationInput.create({
    data: { id: createId("generationInput"), generationId: leakyGeneration.id, position: 0, assetId: secretAsset.id, storageKey: secretAsset.storageKey },
  });

  const unnamedEditor = await member(teamId, "editor");
  const scopedKey = await createApiKey({ access: ownerAccess, input: { name: "open project only", access: "read_write", projectIds: [open.id] } });

  // An admin who made a read-write key, to be demoted during the test.
  const admin = await member(teamId, "admin");
  const adminAccess = await resolveTeamAccess({ caller: { kind: "user", userId: admin.user.id }, teamId, permission: "apikey.manage" });
  const adminKey = await createApiKey({ access: adminAccess, input: { name: "ci", access: "read_write", projectIds: [] } });

  // An editor and a key whose event streams are cut during the test.
  const streamer = await member(teamId, "editor");
  const streamKey = await createApiKey({ access: ownerAccess, input: { name: "dashboard", access: "read", projectIds: [] } });

  const archived = await createProjectRow({ teamId, name: "Last season", createdById: ownerId });
  const archivedGeneration = await succeededGeneration(teamId, archived.id, ownerId);
  await db.project.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });

  return {
    teamId, open, restricted, secretAsset, leakyGeneration, archived, archivedGeneration,
    owner: { headers: { ...world.owner.headers, "content-type": "application/json" } },
    unnamedEditor, admin, streamer,
    scopedKey: { authorization: `Bearer ${scopedKey.key}`, "content-type": "application/json" },
    adminKey: { authorization: `Bearer ${adminKey.key}`, "content-type": "application/json" },
    streamKey: { id: streamKey.apiKey.id, headers: { authorization: `Bearer ${streamKey.key}` } },
  };
}

/** A server action's id, from the manifest `next build` (or `next dev`, once its page compiled) wrote. */
export function actionId(file: string, name: string): string {
  const dist = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next-test");
  const manifest = [path.join(dist, "dev/server/server-reference-manifest.json"), path.join(dist, "server/server-reference-manifest.json")]
    .filter((f) => fs.existsSync(f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (!manifest) throw new Error(`no server-reference-manifest.json under ${dist}`);
  const entries = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> }).node;
  const found = Object.entries(entries).find(([, e]) => e.filename === file && e.exportedName === name);
  if (!found) throw new Error(`${file}#${name} is not in the server-reference manifest`);
  return found[0];
}

/** Calls a server action as Next's client does (see route-guard.test.ts): bound arguments, then state and the form. */
export async function callAction(pageUrl: string, id: string, args: { bound: unknown[]; form?: Record<string, string | string[]> }, headers: Record<string, string>) {
  const body = new FormData();
  const list = [...args.bound, ...(args.form ? [{}, "$K1"] : [])];
  for (const [field, value] of Object.entries(args.form ?? {})) for (const v of [value].flat()) body.append(`_1_${field}`, v);
  body.append("0", JSON.stringify(list));
  const { "content-type": _ignored, ...rest } = headers;
  const res = await fetch(pageUrl, { method: "POST", body, headers: { "next-action": id, accept: "text/x-component", origin: inject("appUrl"), ...rest } });
  return { status: res.status, text: await res.text() };
}

export type Attacks = Awaited<ReturnType<typeof buildAttacks>>;
