// `npm start` - the studio in production: Next's request handler behind our own node:http server, on one port, in
// one process. The server answers two requests itself and hands every other one to Next:
// - `POST /api/webhooks/:provider` (lib/webhooks/serve-webhook.ts). Why: Next spends ~2–2.5 ms of CPU on any request
//   before a route handler runs, which caps a 2-core machine below 1,000 webhooks/s; the same intake on plain
//   node:http costs a fraction of that (BENCHMARKS.md "Webhook ingest").
// - `POST /api/v1/projects/:projectId/generations` with an API key (Bearer): the route file's own POST handler, run by
//   lib/http/serve-route-handler.ts with the headers next.config.mjs gives the path. Why: Next's ~6–8 ms around the
//   handler were a third of the submit overhead (BENCHMARKS.md "Submit overhead"). A session-cookie submit (the
//   studio's own pages) still goes through Next: Auth.js reads the session from Next's request context.
// Both route files stay and serve the same requests under plain `next start` and `next dev`.
//
// Production only (`next({ dev: false })`). `npm run dev` keeps `next dev`: its route handler serves webhooks through
// the same receiveWebhook (so nothing differs but speed), lib/ edits hot-reload there, whereas this process loads
// lib/ once through tsx, and Next's dev server owns HMR's websocket upgrades.
//
// Options as `next start`: --port/-p (else PORT, else 3000), --hostname/-H (else every interface).
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import next from "next";

const root = path.resolve(import.meta.dirname, "..");
// As `next start` does: production unless NODE_ENV says otherwise, set before .env files are read (they never
// override what the environment already has), then Next's own .env loading order.
(process.env as Record<string, string | undefined>).NODE_ENV ||= "production";
nextEnv.loadEnvConfig(root, false);

const { values: args } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  allowPositionals: false,
});
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = args.hostname;

// Bad configuration stops start-up with one line naming the variable (instrumentation.ts does the same inside Next).
// Imported only now: .env files must be loaded (above) before lib/env reads the environment.
(await import("@/scripts/exit-on-bad-config")).exitOnBadConfig();
const { serveWebhook } = await import("@/lib/webhooks/serve-webhook");
const { closePgPool } = await import("@/lib/db-pool");
const { stopBoss } = await import("@/lib/jobs/boss");
const { env } = await import("@/lib/env");
const { serveRouteHandler } = await import("@/lib/http/serve-route-handler");
const { capturedSegment } = await import("@/lib/http/captured-segment");
const { manifestHeaders } = await import("@/lib/http/manifest-headers");
const { stampPeer } = await import("@/lib/http/peer-stamp");
const { settleFirstSubmits } = await import("@/lib/generations/start-first-submit");

const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();
// Imported only once Next is up: the route's imports (next/server, next-auth) expect the AsyncLocalStorage that Next's
// server installs globally.
const { POST: submitGeneration } = await import("@/app/api/v1/projects/[projectId]/generations/route");
// The same folder next.config.mjs builds into.
const headersFor = manifestHeaders(path.join(root, process.env.NEXT_DIST_DIR || ".next"));

// Exact path only; anything else (sub-paths, a trailing slash, another method, no API key) is Next's.
const SUBMIT_PATH = /^\/api\/v1\/projects\/([^/?#]+)\/generations(?:\?|$)/;
function serveApiKeySubmit(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (!req.headers.authorization?.startsWith("Bearer ")) return false;
  const projectId = capturedSegment(req, "POST", SUBMIT_PATH);
  if (projectId === null) return false;
  serveRouteHandler({ req, res, handler: submitGeneration, params: { projectId }, origin: env().APP_URL, headersFor });
  return true;
}

const server = http.createServer((req, res) => {
  // Before anything reads the request: the socket's address for sign-in throttles and audit (lib/http/peer-stamp.ts).
  stampPeer(req);
  if (serveWebhook({ req, res })) return;
  if (serveApiKeySubmit(req, res)) return;
  void handle(req, res);
});
const upgrade = app.getUpgradeHandler();
server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
server.listen(port, hostname, () => console.info(`[server] ready on http://${hostname ?? "localhost"}:${port}`));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.info(`[server] ${signal}: closing`);
  server.close();
  server.closeIdleConnections();
  // Generations this process has started sending: let them reach the provider and be recorded before the pools close.
  const cut = await settleFirstSubmits(8_000);
  if (cut > 0) console.warn(`[server] ${cut} submit(s) still in flight at exit; they are reconciled once their claim's lease runs out`);
  await Promise.race([Promise.allSettled([app.close(), closePgPool(), stopBoss({ graceful: true, timeoutMs: 4_000 })]), new Promise((r) => setTimeout(r, 5_000))]);
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
