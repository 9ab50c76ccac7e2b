import http from "node:http";

// A closed-loop load driver on node:http with keep-alive: `concurrency` requests in flight, each worker sending its next
// request as soon as the previous answer is read, until the list runs out or the time cap passes. Loopback only.

export type LoadRequest = { path: string; headers: Record<string, string>; body: string };
export type LoadResult = {
  sent: number;
  elapsedMs: number;
  perSecond: number;
  latencies: number[];
  statuses: Record<number, number>;
  errors: number;
  duplicates: number;
};

export async function runLoad(options: { baseUrl: string; requests: LoadRequest[]; concurrency: number; timeCapMs: number; method?: string }): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let duplicates = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.timeCapMs;

  const one = (req: LoadRequest) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const r = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: options.method ?? "POST",
          path: req.path,
          agent,
          headers: { ...req.headers, "content-type": "application/json", "content-length": Buffer.byteLength(req.body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            latencies.push(performance.now() - t0);
            const status = res.statusCode ?? 0;
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (Buffer.concat(chunks).includes('"duplicate":true')) duplicates++;
            resolve();
          });
        },
      );
      r.on("error", () => {
        errors++;
        resolve();
      });
      r.end(req.body);
    });

  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.requests.length && performance.now() < deadline) await one(options.requests[next++]!);
    }),
  );
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { sent: latencies.length, elapsedMs, perSecond: (latencies.length / elapsedMs) * 1000, latencies, statuses, errors, duplicates };
}
