import type { ServerResponse } from "node:http";
import { getImage } from "../render/render-cache";
import { CONTENT_TYPES } from "../render/render-image";
import type { Sim } from "../core/sim";
import type { ForcedFault, ProviderName, Reply } from "../core/types";
import { checkSignedUrl, linkRolledExpired } from "./signed-url";

// Object-storage style refusals: Kling/WaveSpeed/Segmind/Runware front their outputs with S3/OSS-like CDNs that answer
// 403 AccessDenied; fal's media CDN answers 404 once an object's lifecycle has ended.
function refused(provider: ProviderName, reason: string): Reply {
  if (provider === "fal") return { status: 404, body: { detail: "Not Found" } };
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${reason}</Message></Error>`;
  return { status: 403, headers: { "content-type": "application/xml" }, raw: xml };
}

const FILE_PATH = /^\/(kling|wavespeed|runware|segmind|fal)\/files\/([0-9a-f-]{36})(-wm)?\.(png|jpg|webp)$/;

export async function serveOutput(
  sim: Sim,
  url: URL,
  res: ServerResponse,
  forced: Set<ForcedFault>,
): Promise<Reply | "handled" | null> {
  const match = FILE_PATH.exec(url.pathname);
  if (!match) return null;
  const arrivedAt = Date.now();
  const provider = match[1] as ProviderName;
  const faults = sim.faults(provider);
  const check = checkSignedUrl(sim, url);
  if (check === "invalid") return refused(provider, "Invalid signature");
  if (check === "expired" || forced.has("output_expired") || linkRolledExpired(sim, url, faults.outputExpiredRate)) {
    return refused(provider, "Request has expired");
  }
  const ref = sim.state.outputs.get(match[2]!);
  const job = ref && sim.state.jobs.get(ref.jobKey);
  const output = job?.outputs[ref!.index];
  if (!job || !output || !output.ready) return refused(provider, "The specified key does not exist.");
  output.firstFetchedAt ??= arrivedAt;

  const bytes = await getImage({ ...output.spec, watermark: match[3] === "-wm" });
  res.writeHead(200, {
    "content-type": CONTENT_TYPES[output.spec.format],
    "content-length": String(bytes.length),
    "cache-control": "private, max-age=3600",
  });
  const truncate = forced.has("output_truncated") || sim.state.rng.chance(faults.outputTruncateRate);
  const slowMs = forced.has("output_slow") ? (faults.outputSlowMs ?? 2000) : (faults.outputSlowMs ?? 0);
  const body = truncate ? bytes.subarray(0, Math.floor(bytes.length / 2)) : bytes;
  await streamBody(sim, res, body, slowMs);
  // A truncated download: the promised Content-Length never arrives and the connection is cut.
  if (truncate) res.destroy();
  else res.end();
  return "handled";
}

// Each write waits for the kernel to take the bytes, so a truncation cut lands after the partial body is sent.
const flush = (res: ServerResponse, chunk: Buffer): Promise<void> =>
  new Promise((resolve) => {
    res.write(chunk, () => resolve());
  });

async function streamBody(sim: Sim, res: ServerResponse, body: Buffer, slowMs: number): Promise<void> {
  const chunks = slowMs > 0 ? 10 : 1;
  const size = Math.ceil(body.length / chunks);
  for (let i = 0; i < chunks && !res.destroyed; i++) {
    await flush(res, body.subarray(i * size, (i + 1) * size));
    if (slowMs > 0) await sim.sleep(slowMs / chunks);
  }
}
