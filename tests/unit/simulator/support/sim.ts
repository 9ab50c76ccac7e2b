import { createHmac } from "node:crypto";
import sharp from "sharp";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import { KLING_ACCESS_KEY, KLING_SECRET_KEY } from "@/simulator/credentials";

// Fast timings: a job takes ~200 ms, enough to observe queued → processing → done.
export function startTestSimulator(timing = { queuedMs: 60, processingMs: 140 }): Promise<RunningSimulator> {
  return startSimulator({ port: 0, host: "127.0.0.1", timing, seed: 7 });
}

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error("waitFor timed out");
    await new Promise((r) => setTimeout(r, 40));
  }
}

export async function imageSize(url: string): Promise<{ width: number; height: number; format: string }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`download failed: ${response.status}`);
  const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
  return { width: meta.width!, height: meta.height!, format: meta.format! };
}

// An independent HS256 JWT (not the simulator's code) so the auth check is tested against the documented recipe.
export function klingJwt(options: { secret?: string; iss?: string; exp?: number; nbf?: number } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = encode({ alg: "HS256", typ: "JWT" });
  const payload = encode({ iss: options.iss ?? KLING_ACCESS_KEY, exp: options.exp ?? now + 1800, nbf: options.nbf ?? now - 5 });
  const signature = createHmac("sha256", options.secret ?? KLING_SECRET_KEY).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

export async function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
  // Tests poke at provider bodies of many shapes; `any` keeps the assertions readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // non-JSON bodies (XML refusals, bytes) stay as text
  }
  return { status: response.status, headers: response.headers, body };
}
