import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signPayloadHash } from "@/lib/storage/sign-payload-hash";

// What the SDK puts on the wire, read by a local HTTP server standing in for the store: the payload hash a SigV4
// store checks the body against, and the signed headers that bind it to the signature.
type Seen = { headers: http.IncomingHttpHeaders; body: Buffer };
let server: http.Server;
let seen: Seen[] = [];
let client: S3Client;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { etag: '"x"' }).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  client = new S3Client({
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: "k", secretAccessKey: "s" },
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
});

afterAll(async () => {
  client.destroy();
  await new Promise((r) => server.close(r));
});

const body = Buffer.from("the bytes we downloaded and hashed");
const sha256 = createHash("sha256").update(body).digest("hex");
const put = (Body: Buffer | Readable) => new PutObjectCommand({ Bucket: "b", Key: "k", Body, ContentLength: body.length });

describe("signPayloadHash", () => {
  it("signs a streamed upload over the given sha256 instead of UNSIGNED-PAYLOAD", async () => {
    seen = [];
    await client.send(put(Readable.from([body])));
    const command = put(Readable.from([body]));
    signPayloadHash(command, sha256);
    await client.send(command);
    expect(seen.map((s) => s.headers["x-amz-content-sha256"])).toEqual(["UNSIGNED-PAYLOAD", sha256]);
    expect(seen[1]!.headers.authorization).toMatch(/SignedHeaders=[^,]*x-amz-content-sha256/);
    expect(seen[1]!.body.equals(body)).toBe(true);
  });

  it("sends the given hash for a Buffer body as it is, without hashing the body again", async () => {
    seen = [];
    await client.send(put(body));
    // A hash of other bytes goes out untouched, so the SDK did not compute its own (a real store would refuse this).
    const other = createHash("sha256").update("other bytes").digest("hex");
    const command = put(body);
    signPayloadHash(command, other);
    await client.send(command);
    expect(seen.map((s) => s.headers["x-amz-content-sha256"])).toEqual([sha256, other]);
  });

  it("refuses something that is not a hex sha256", () => {
    expect(() => signPayloadHash(put(body), Buffer.from(sha256, "hex").toString("base64"))).toThrow();
  });
});
