// The webhook benchmark's baseline: a bare node:http server doing what our route must do for a WaveSpeed delivery
// and nothing else — the same v3 HMAC check over `${webhook-id}.${webhook-timestamp}.${body}` with the same
// 300 s tolerance, the same per-job URL token check, and the same deduplicating insert into "WebhookEvent" (job
// looked up by correlation id in the same statement). No framework, no ORM, no queue: what the work costs on this
// machine. Its rows are stored already processed, so the studio worker's drain leaves them alone and the baseline's
// CPU figures hold the insert only. Prints BENCH_READY {"url"}.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac, timingSafeEqual } from "node:crypto";
import pg from "pg";
import { createId } from "@/lib/ids";
import { READY } from "./processes";

const secret = (process.env.BENCH_WEBHOOK_SECRET ?? "").replace(/^whsec_/, "");
const tokenKey = process.env.BENCH_TOKEN_KEY ?? "";
// pg's default pool size, which is also what Prisma's PrismaPg adapter gets from lib/db.ts.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const INSERT = `
  WITH g AS (SELECT id FROM "Generation" WHERE "correlationId" = $1 AND provider = 'wavespeed'),
  ins AS (
    INSERT INTO "WebhookEvent" (id, provider, "eventKey", "generationId", payload, "processedAt")
    SELECT $2, 'wavespeed', $3, g.id, $4::jsonb, now() FROM g
    ON CONFLICT (provider, "eventKey") DO NOTHING RETURNING id
  )
  SELECT (SELECT id FROM g) AS generation, (SELECT id FROM ins) AS inserted`;

function reply(res: http.ServerResponse, status: number, body: object) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text);
}

function safeEqual(a: Buffer, b: Buffer) {
  return a.length === b.length && timingSafeEqual(a, b);
}

async function handle(req: http.IncomingMessage, raw: Buffer, res: http.ServerResponse) {
  const url = new URL(req.url ?? "/", "http://bench.local");
  const id = req.headers["webhook-id"];
  const timestamp = req.headers["webhook-timestamp"];
  const signature = req.headers["webhook-signature"];
  if (typeof id !== "string" || typeof timestamp !== "string" || typeof signature !== "string") return reply(res, 401, { ok: false, reason: "missing_headers" });
  if (!/^\d+$/.test(timestamp) || Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp)) > 300) return reply(res, 401, { ok: false, reason: "stale" });
  const expected = createHmac("sha256", secret).update(`${id}.${timestamp}.`).update(raw).digest();
  const valid = signature.split(" ").some((entry) => {
    const [version, hex] = entry.split(",", 2);
    return version === "v3" && !!hex && /^[0-9a-f]+$/i.test(hex) && safeEqual(Buffer.from(hex, "hex"), expected);
  });
  if (!valid) return reply(res, 401, { ok: false, reason: "bad_signature" });
  const cid = url.searchParams.get("cid");
  const token = url.searchParams.get("token");
  if (!cid || !token) return reply(res, 401, { ok: false, reason: "bad_token" });
  const expectedToken = createHmac("sha256", tokenKey).update(`webhook:${cid}`).digest("base64url");
  if (!safeEqual(Buffer.from(token), Buffer.from(expectedToken))) return reply(res, 401, { ok: false, reason: "bad_token" });
  const body = JSON.parse(raw.toString("utf8")) as { id?: unknown };
  if (typeof body.id !== "string") return reply(res, 200, { ok: false, reason: "malformed" });
  const { rows } = await pool.query<{ generation: string | null; inserted: string | null }>(INSERT, [cid, createId("webhookEvent"), `wavespeed:${id}`, raw.toString("utf8")]);
  if (!rows[0]?.generation) return reply(res, 401, { ok: false, reason: "unknown_job" });
  if (!rows[0].inserted) return reply(res, 200, { ok: true, duplicate: true });
  reply(res, 200, { ok: true });
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    handle(req, Buffer.concat(chunks), res).catch((error: unknown) => {
      console.error(error);
      reply(res, 500, { ok: false });
    });
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => {
  console.log(`${READY}${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}`);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => void pool.end().then(() => process.exit(0)));
});
