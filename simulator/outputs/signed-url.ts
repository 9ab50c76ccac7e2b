import { createHmac, timingSafeEqual } from "node:crypto";
import { EXTENSIONS } from "../render/render-image";
import type { Sim } from "../core/sim";
import type { SimOutput } from "../core/types";

// Output URLs look like the providers' CDN links: a path under the provider's prefix plus an expiry and a signature,
// so an adapter that stores the URL instead of copying the bytes finds out when the link dies.
const sign = (sim: Sim, path: string, expires: number): string =>
  createHmac("sha256", sim.urlSecret).update(`${path}:${expires}`).digest("hex").slice(0, 40);

export function outputPath(output: SimOutput, variant: "" | "-wm" = ""): string {
  return `/${output.spec.provider}/files/${output.id}${variant}.${EXTENSIONS[output.spec.format]}`;
}

export function outputUrl(sim: Sim, output: SimOutput, variant: "" | "-wm" = ""): string {
  const path = outputPath(output, variant);
  const expires = Math.floor(output.expiresAt / 1000);
  return `${sim.publicUrl}${path}?expires=${expires}&signature=${sign(sim, path, expires)}`;
}

export type UrlCheck = "ok" | "expired" | "invalid";

export function checkSignedUrl(sim: Sim, url: URL): UrlCheck {
  const expires = Number(url.searchParams.get("expires"));
  const given = url.searchParams.get("signature") ?? "";
  const expected = sign(sim, url.pathname, expires);
  if (!Number.isFinite(expires) || given.length !== expected.length) return "invalid";
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return "invalid";
  return Date.now() > expires * 1000 ? "expired" : "ok";
}
