import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { db } from "@/lib/db";
import { bucket, s3 } from "@/lib/storage/s3-client";
import { addMember } from "@/prisma/factories/create-team";
import { memberOfNewTeam, signedInUser } from "@/tests/helpers/signed-in-user";

// Issue 12 item 3: reference images go from the browser straight to storage with a presigned POST. The server signs
// only PNG/JPEG within the providers' size limit (JSON errors beside the field otherwise), storage refuses a form that
// breaks the policy, and the object is checked again — what it really is, not what it claimed — before it becomes an
// asset usable as a reference.

type Signed = { uploadId: string; url: string; fields: Record<string, string> };
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } }).png().toBuffer();

async function sendToStorage(signed: Signed, file: Buffer, override: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...signed.fields, ...override })) form.append(name, value);
  form.append("file", new Blob([new Uint8Array(file)]), "ref.png");
  return fetch(signed.url, { method: "POST", body: form });
}

describe("reference uploads", { timeout: 240_000 }, () => {
  it("refuses a wrong type or a too-large file with JSON errors beside the field", async () => {
    const { api, project } = await memberOfNewTeam("editor");
    const gif = await api(`/api/v1/projects/${project.id}/uploads`, { method: "POST", body: JSON.stringify({ contentType: "image/gif", bytes: 1000 }) });
    expect(gif.status).toBe(422);
    const gifBody = (await gif.json()) as ErrorBody;
    expect(gifBody.error.code).toBe("validation_failed");
    expect(gifBody.error.fields?.contentType).toMatch(/PNG or JPEG/);
    const big = await api(`/api/v1/projects/${project.id}/uploads`, { method: "POST", body: JSON.stringify({ contentType: "image/png", bytes: 10_000_001 }) });
    expect(big.status).toBe(422);
    expect(((await big.json()) as ErrorBody).error.fields?.bytes).toMatch(/larger than 10 MB/);
  });

  it("a viewer can't get an upload signed", async () => {
    const { project, team } = await memberOfNewTeam("owner");
    const viewer = await signedInUser();
    await addMember({ teamId: team.id, userId: viewer.user.id, role: "viewer" });
    const res = await viewer.api(`/api/v1/projects/${project.id}/uploads`, { method: "POST", body: JSON.stringify({ contentType: "image/png", bytes: 1000 }) });
    expect(res.status).toBe(403);
  });

  it("uploads straight to storage, checks the object, and makes it an asset a generation can use", async () => {
    const { api, project, team } = await memberOfNewTeam("editor");
    const image = await png(640, 480);
    const sign = await api(`/api/v1/projects/${project.id}/uploads`, { method: "POST", body: JSON.stringify({ contentType: "image/png", bytes: image.length }) });
    expect(sign.status, await sign.clone().text()).toBe(201);
    const signed = (await sign.json()) as Signed;

    // The policy binds the size and type: a bigger file or another declared type is refused by storage itself.
    expect((await sendToStorage(signed, Buffer.concat([image, Buffer.alloc(10)]))).status).toBe(403);
    expect((await sendToStorage(signed, image, { "Content-Type": "image/jpeg" })).status).toBe(403);
    // A forged policy (a wider size range) fails its signature.
    const policy = JSON.parse(Buffer.from(signed.fields.Policy!, "base64").toString()) as { conditions: unknown[] };
    policy.conditions = policy.conditions.map((c) => (Array.isArray(c) && c[0] === "content-length-range" ? ["content-length-range", 1, 10 ** 9] : c));
    expect((await sendToStorage(signed, image, { Policy: Buffer.from(JSON.stringify(policy)).toString("base64") })).status).toBe(403);

    const stored = await sendToStorage(signed, image);
    expect(stored.status, await stored.clone().text()).toBeLessThan(300);
    const done = await api(`/api/v1/projects/${project.id}/uploads/${signed.uploadId}`, { method: "POST" });
    expect(done.status, await done.clone().text()).toBe(201);
    const { assetId } = (await done.json()) as { assetId: string };
    const asset = await db.asset.findUniqueOrThrow({ where: { id: assetId } });
    expect(asset).toMatchObject({ projectId: project.id, teamId: team.id, width: 640, height: 480, format: "png", generationId: null });
    // The incoming object is gone; the original is stored content-addressed.
    await expect(s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: `teams/${team.id}/incoming/${signed.uploadId}` }))).rejects.toThrow();
    await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: asset.storageKey }));
    // Completing twice finds nothing left to complete.
    expect((await api(`/api/v1/projects/${project.id}/uploads/${signed.uploadId}`, { method: "POST" })).status).toBe(404);

    const gen = await api(`/api/v1/projects/${project.id}/generations`, {
      method: "POST",
      body: JSON.stringify({ mode: "edit", model: "kling-v3", provider: "fal", parameters: { prompt: "make it night" }, references: [{ assetId }] }),
    });
    expect(gen.status, await gen.clone().text()).toBe(202);
  });

  it("checks what arrived, not what was declared: a tiny image or a non-image is refused and removed", async () => {
    const { api, project, team } = await memberOfNewTeam("editor");
    for (const [file, reason] of [
      [await png(200, 200), /at least 300 px/],
      [Buffer.from("this is not an image at all, only some text pretending to be one"), /not an image/],
    ] as const) {
      const signed = (await (await api(`/api/v1/projects/${project.id}/uploads`, { method: "POST", body: JSON.stringify({ contentType: "image/png", bytes: file.length }) })).json()) as Signed;
      expect((await sendToStorage(signed, file)).status).toBeLessThan(300);
      const done = await api(`/api/v1/projects/${project.id}/uploads/${signed.uploadId}`, { method: "POST" });
      expect(done.status).toBe(422);
      expect(((await done.json()) as ErrorBody).error.fields?.file).toMatch(reason);
      await expect(s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: `teams/${team.id}/incoming/${signed.uploadId}` }))).rejects.toThrow();
    }
    expect(await db.asset.count({ where: { projectId: project.id } })).toBe(0);
  });
});
