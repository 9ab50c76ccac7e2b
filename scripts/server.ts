// `npm start` - the studio in production: Next's request handler behind our own node:http server, on one port, in
// one process. The server answers `POST /api/webhooks/:provider` itself (lib/webhooks/serve-webhook.ts) and hands
// every other request to Next. Why: Next spends ~2–2.5 ms of CPU on any request before a route handler runs, which
// caps a 2-core machine below 1,000 webhooks/s; the same intake on plain node:http costs a fraction of that
// (BENCHMARKS.md "Webhook ingest"). The route file stays, with the same receiveWebhook, for plain `next start`.
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

const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  if (serveWebhook({ req, res })) return;
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
  await Promise.race([Promise.allSettled([app.close(), closePgPool()]), new Promise((r) => setTimeout(r, 5_000))]);
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
