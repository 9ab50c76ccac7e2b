import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { waitFor } from "./wait";
import type { WebhookRequest } from "@/lib/providers/types";

// The studio's side of a webhook: a tiny node:http endpoint that keeps each delivery exactly as it arrived (full
// URL with our ?cid=&token=, headers, raw body bytes), which is what verifyWebhook needs.
export type Delivery = { url: string; headers: IncomingHttpHeaders; rawBody: string; at: number };

export type WebhookReceiver = {
  /** A URL on this receiver; pass it as SubmitRequest.webhookUrl. */
  url(path: string): string;
  deliveries: Delivery[];
  /** Deliveries whose path starts with `path` (query string ignored). */
  at(path: string): Delivery[];
  /** Answer the next deliveries to `path` with these statuses (then 200), to make the provider retry. */
  script(path: string, statuses: number[]): void;
  waitFor(path: string, done: (deliveries: Delivery[]) => boolean, timeoutMs?: number): Promise<Delivery[]>;
  close(): Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = [];
  const scripts = new Map<string, number[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0]!;
      deliveries.push({ url: `${base}${req.url ?? "/"}`, headers: req.headers, rawBody: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      res.writeHead(scripts.get(path)?.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const at = (path: string) => deliveries.filter((d) => new URL(d.url).pathname.startsWith(path));
  return {
    url: (path) => `${base}${path}`,
    deliveries,
    at,
    script: (path, statuses) => scripts.set(path, [...statuses]),
    waitFor: (path, done, timeoutMs) => waitFor(() => (done(at(path)) ? at(path) : undefined), timeoutMs),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A recorded delivery as the webhook route hands it to verifyWebhook; `patch` tampers with it. */
export function asWebhookRequest(delivery: Delivery, patch: Partial<WebhookRequest> = {}): WebhookRequest {
  return { headers: { ...delivery.headers }, rawBody: delivery.rawBody, url: delivery.url, ...patch };
}

export const bodyOf = (delivery: Delivery): Record<string, unknown> => JSON.parse(delivery.rawBody) as Record<string, unknown>;
