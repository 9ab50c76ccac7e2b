// Serves one file from memory over loopback HTTP, the way a provider's CDN serves an output (Content-Length set, one
// write). Its own process, so the copying process's memory is only its own. Prints BENCH_READY {"url"}.
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { READY } from "./processes";

const file = process.env.BENCH_FILE;
if (!file) throw new Error("BENCH_FILE is required");
const bytes = await fs.readFile(file);
const server = http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "image/png", "content-length": bytes.length });
  res.end(bytes);
});
server.listen(0, "127.0.0.1", () => {
  console.log(`${READY}${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/output.png` })}`);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
