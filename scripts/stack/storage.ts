import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { verifySigV4 } from "@/scripts/stack/verify-sigv4";
import { parseMultipart, verifyPostPolicy } from "@/scripts/stack/verify-post-policy";
import { StartupError } from "@/scripts/stack/startup-error";

// The S3_* settings when given; otherwise s3rver (an S3-protocol server in Node) keeping objects on local disk,
// behind our own front that refuses any request not signed with the stack's key (SigV4 header or presigned URL):
// s3rver itself serves and lists every object to anyone, and takes any V4 signature. The bucket stays private, as
// with a real S3, and the studio's presigned URLs keep working. The key is random, made on first start and kept
// beside the objects (`<dataDir>.credentials.json`, mode 0600), so links handed out survive a restart.

export type StorageHandle = { env: Record<string, string>; embedded: boolean; stop: () => Promise<void> };

export async function startStorage(options: { endpoint?: string; dataDir: string; port: number }): Promise<StorageHandle> {
  if (options.endpoint) return { env: {}, embedded: false, stop: async () => undefined };
  await fs.mkdir(options.dataDir, { recursive: true });
  const { default: S3rver } = await import("s3rver");
  const credentials = await loadOrCreateCredentials(`${options.dataDir}.credentials.json`);
  // s3rver looks signed requests up by key id (and checks nothing more for V4): it must know ours.
  const { default: AWSAccount } = await import("s3rver/lib/models/account.js");
  AWSAccount.DUMMY_ACCOUNT.createKeyPair(credentials.accessKeyId, credentials.secretAccessKey);
  const s3rver = new S3rver({ directory: options.dataDir, silent: true });
  const handle = s3rver.callback();
  const server = http.createServer((req, res) => {
    if (isBrowserPost(req)) return void answerBrowserPost(req, res, credentials, handle);
    // CORS preflights carry no credentials by design and reveal nothing; s3rver answers them from bucket settings.
    const verdict = req.method === "OPTIONS" ? ({ ok: true } as const) : verifySigV4(req, credentials);
    if (verdict.ok) return void handle(req, res);
    res.writeHead(403, { "content-type": "application/xml" });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${escapeXml(verdict.reason)}</Message></Error>`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          error.code === "EADDRINUSE"
            ? `Port ${options.port} for the embedded S3 server is in use: stop what holds it or set EMBEDDED_S3_PORT to a free port`
            : `The embedded S3 server could not listen on port ${options.port} (${error.message}): set EMBEDDED_S3_PORT or S3_ENDPOINT`,
        ),
      ),
    );
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    embedded: true,
    env: {
      S3_ENDPOINT: `http://127.0.0.1:${address.port}`,
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function loadOrCreateCredentials(file: string) {
  const saved = await fs.readFile(file, "utf8").then(
    (text) => JSON.parse(text) as { accessKeyId?: unknown; secretAccessKey?: unknown },
    () => null,
  );
  if (typeof saved?.accessKeyId === "string" && typeof saved.secretAccessKey === "string") {
    return { accessKeyId: saved.accessKeyId, secretAccessKey: saved.secretAccessKey };
  }
  const created = { accessKeyId: `STUDIO${randomBytes(8).toString("hex").toUpperCase()}`, secretAccessKey: randomBytes(30).toString("base64url") };
  await fs.writeFile(file, `${JSON.stringify(created)}\n`, { mode: 0o600 });
  return created;
}

// A browser upload: POST to the bucket with a form, signed by the policy inside it rather than a header or query.
function isBrowserPost(req: http.IncomingMessage) {
  return req.method === "POST" && !req.headers.authorization && !(req.url ?? "").includes("X-Amz-Algorithm") && /^multipart\/form-data/i.test(req.headers["content-type"] ?? "");
}

// Reference uploads are at most 10 MB (lib/uploads/upload-rules.ts); the form's other fields are small.
const BROWSER_POST_MAX_BYTES = 11 * 1024 * 1024;

/**
 * Reads the form, checks its policy like S3 (scripts/stack/verify-post-policy.ts), then hands s3rver the same bytes.
 * The studio's pages post from another origin (the app's), so the answer carries CORS headers for the caller's origin,
 * as a bucket CORS rule for the app would on a real store; the signed policy, not the origin, is the credential.
 */
function answerBrowserPost(req: http.IncomingMessage, res: http.ServerResponse, credentials: { accessKeyId: string; secretAccessKey: string }, handle: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  const origin = req.headers.origin;
  if (origin) res.setHeader("access-control-allow-origin", origin);
  const refuse = (status: number, code: string, message: string) => {
    res.writeHead(status, { "content-type": "application/xml" });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`);
  };
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > BROWSER_POST_MAX_BYTES) {
      refuse(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (res.writableEnded) return;
    const body = Buffer.concat(chunks);
    const form = parseMultipart(body, req.headers["content-type"] ?? "");
    const bucketName = decodeURIComponent((req.url ?? "/").split("?")[0]!.split("/")[1] ?? "");
    const verdict = form ? verifyPostPolicy(form, credentials, bucketName) : ({ ok: false, reason: "Malformed POST form" } as const);
    if (!verdict.ok) return refuse(403, "AccessDenied", verdict.reason);
    // The same request, its body replayed from memory: s3rver reads it as a stream.
    const replay = Object.assign(Readable.from([body]), {
      headers: req.headers,
      rawHeaders: req.rawHeaders,
      method: req.method,
      url: req.url,
      httpVersion: req.httpVersion,
      httpVersionMajor: req.httpVersionMajor,
      httpVersionMinor: req.httpVersionMinor,
      socket: req.socket,
      connection: req.socket,
    }) as unknown as http.IncomingMessage;
    handle(replay, res);
  });
}

function escapeXml(s: string) {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
