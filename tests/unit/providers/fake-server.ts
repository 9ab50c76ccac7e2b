import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A throwaway HTTP server for adapter tests: records every request and answers with whatever the test's handler
// returns. Not the simulator — just enough to see the exact URL, headers and body an adapter sends.
export type Recorded = { method: string; url: string; headers: IncomingMessage["headers"]; body: string; json: unknown };
export type Reply = { status?: number; json?: unknown; text?: string; headers?: Record<string, string>; delayMs?: number };

export async function startFakeServer(handler: (req: Recorded) => Reply | Promise<Reply>) {
  const requests: Recorded[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    let json: unknown;
    try { json = body ? JSON.parse(body) : undefined; } catch { json = undefined; }
    const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body, json };
    requests.push(recorded);
    const reply = await handler(recorded);
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
    res.end(reply.text ?? (reply.json === undefined ? "" : JSON.stringify(reply.json)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
