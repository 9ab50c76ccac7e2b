import http from "node:http";
import type { AddressInfo } from "node:net";

// Test files run in worker threads and cannot reach the processes the global setup started; this loopback endpoint
// lets a test crash and restart the job worker (POST /worker/kill, /worker/start, /worker/add).
export async function startStackControl(app: { killWorker: () => Promise<void>; startWorker: () => void; addWorker: () => void }) {
  const server = http.createServer(async (req, res) => {
    if (req.method === "POST" && req.url === "/worker/kill") await app.killWorker();
    else if (req.method === "POST" && req.url === "/worker/start") app.startWorker();
    else if (req.method === "POST" && req.url === "/worker/add") app.addWorker();
    else return res.writeHead(404).end();
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
}
