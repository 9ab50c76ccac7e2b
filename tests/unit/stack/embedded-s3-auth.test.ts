import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { startStorage, type StorageHandle } from "@/scripts/stack/storage";
import { freePort } from "@/tests/setup/free-port";

// The embedded S3 server is a private bucket: nothing without a valid signature made with its key, over HTTP.
describe("embedded S3 server", () => {
  let dir: string;
  let storage: StorageHandle;
  let endpoint: string;
  const client = (secret?: string) =>
    new S3Client({
      endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: storage.env.S3_ACCESS_KEY_ID!, secretAccessKey: secret ?? storage.env.S3_SECRET_ACCESS_KEY! },
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "studio-s3-auth-"));
    storage = await startStorage({ dataDir: path.join(dir, "s3"), port: await freePort() });
    endpoint = storage.env.S3_ENDPOINT!;
    await client().send(new CreateBucketCommand({ Bucket: "private" }));
    await client().send(new PutObjectCommand({ Bucket: "private", Key: "team-a/image.png", Body: "secret-bytes" }));
  });
  afterAll(async () => {
    await storage.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("refuses unsigned reads and listings", async () => {
    for (const url of [`${endpoint}/private/team-a/image.png`, `${endpoint}/private`, `${endpoint}/private?list-type=2`, `${endpoint}/`]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(403);
      expect(await res.text(), url).toContain("<Code>AccessDenied</Code>");
    }
    const put = await fetch(`${endpoint}/private/team-a/planted.txt`, { method: "PUT", body: "x" });
    expect(put.status).toBe(403);
  });

  it("refuses a request signed with the wrong secret", async () => {
    await expect(client("not-the-secret").send(new ListObjectsV2Command({ Bucket: "private" }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
  });

  it("serves requests signed with its key, header or presigned", async () => {
    const listed = await client().send(new ListObjectsV2Command({ Bucket: "private" }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(["team-a/image.png"]);
    // What the studio hands browsers (lib/storage/presign-get.ts), with and without a download name.
    for (const disposition of [undefined, 'attachment; filename="image.png"']) {
      const url = await getSignedUrl(client(), new GetObjectCommand({ Bucket: "private", Key: "team-a/image.png", ResponseContentDisposition: disposition }), {
        expiresIn: 900,
      });
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      expect(await res.text()).toBe("secret-bytes");
      if (disposition) expect(res.headers.get("content-disposition")).toBe(disposition);
      // The same URL for another object, or past its expiry, is refused.
      expect((await fetch(url.replace("image.png?", "other.png?"))).status).toBe(403);
    }
    const expired = await getSignedUrl(client(), new GetObjectCommand({ Bucket: "private", Key: "team-a/image.png" }), {
      expiresIn: 1,
      signingDate: new Date(Date.now() - 60_000),
    });
    expect((await fetch(expired)).status).toBe(403);
  });
});
