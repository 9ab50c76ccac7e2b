import http from "node:http";
import { log } from "@/lib/observability/log";
import { metricsAnswer } from "@/lib/observability/metrics-response";

/**
 * GET /metrics on WORKER_METRICS_PORT: what only a worker counts (its jobs' durations and failures, its provider
 * calls), plus the database-wide figures every process reports. Same token rule as the web app's /api/metrics.
 * Returns a function that closes the server.
 */
export async function serveWorkerMetrics(options: { port: number; host?: string }): Promise<() => Promise<void>> {
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: "Not found." } }));
      return;
    }
    metricsAnswer(req.headers.authorization)
      .then((answer) => res.writeHead(answer.status, { "content-type": answer.contentType }).end(answer.body))
      .catch((error: unknown) => {
        log("worker").error({ err: error }, "metrics scrape failed");
        res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", resolve);
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
