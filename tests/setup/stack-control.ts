import http from "node:http";
import type { AddressInfo } from "node:net";

// Test files run in worker threads and cannot reach the processes the global setup started; this loopback endpoint
// lets a test crash and restart the job worker (POST /worker/kill, /worker/start, /worker/add) and start a second web
// process (POST /web/add answers { url }); GET /output is the tail of their logs.
export async function startStackControl(app: {
  killWorker: () => Promise<void>;
  startWorker: () => void;
  addWorker: () => void;
  addWeb: () => Promise<string>;
  output: string[];
}) {
  const server = http.createServer(async (req, res) => {
    // The processes' log lines, for a failing test to show why the stack answered as it did.
    if (req.method === "GET" && req.url === "/output") return res.writeHead(200, { "content-type": "text/plain" }).end(app.output.join("").slice(-20_000));
    if (req.method === "POST" && req.url === "/web/add") {
      try {
        const url = await app.addWeb();
        return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ url }));
      } catch (error) {
        return res.writeHead(500).end(String(error));
      }
    }
    if (req.method === "POST" && req.url === "/worker/kill") await app.killWorker();
    else if (req.method === "POST" && req.url === "/worker/start") app.startWorker();
    else if (req.method === "POST" && req.url === "/worker/add") app.addWorker();
    else return res.writeHead(404).end();
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
}
