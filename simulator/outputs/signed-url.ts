import { createHmac, timingSafeEqual } from "node:crypto";
import { EXTENSIONS } from "../render/render-image";
import type { Sim } from "../core/sim";
import type { ProviderName, SimOutput } from "../core/types";

// Output URLs look like the providers' CDN links: a path under the provider's prefix plus an expiry and a signature,
// so an adapter that stores the URL instead of copying the bytes finds out when the link dies.
//
// Kling's result links are "anti-hotlink" URLs (K-cn omni-image-o1; providers.md §1.7) while the image itself is
// kept 30 days, so the query API hands out a newly signed link on every read: an expired link is replaced by asking
// again. The other providers document plain CDN links for the output's whole retention (WaveSpeed 7 days, Segmind
// 7 days, fal/Runware configurable): asking again gives the same link. The `linkTtlSeconds` fault bounds each
// per-read link's validity.
const SIGNED_PER_READ: ReadonlySet<ProviderName> = new Set(["kling"]);

let issuedCount = 0;

const sign = (sim: Sim, path: string, expires: number, issued: string): string =>
  createHmac("sha256", sim.urlSecret).update(`${path}:${expires}:${issued}`).digest("hex").slice(0, 40);

export function outputPath(output: SimOutput, variant: "" | "-wm" = ""): string {
  return `/${output.spec.provider}/files/${output.id}${variant}.${EXTENSIONS[output.spec.format]}`;
}

export function outputUrl(sim: Sim, output: SimOutput, variant: "" | "-wm" = ""): string {
  const path = outputPath(output, variant);
  const provider = output.spec.provider;
  let expires = Math.floor(output.expiresAt / 1000);
  if (!SIGNED_PER_READ.has(provider)) return `${sim.publicUrl}${path}?expires=${expires}&signature=${sign(sim, path, expires, "")}`;
  const now = Date.now();
  const linkTtl = sim.faults(provider).linkTtlSeconds;
  if (linkTtl !== undefined) expires = Math.min(expires, Math.ceil(now / 1000) + linkTtl);
  // A counter, not the PRNG, keeps two reads in the same millisecond apart without shifting seeded fault rolls.
  const issued = `${now}.${++issuedCount}`;
  return `${sim.publicUrl}${path}?issued=${issued}&expires=${expires}&signature=${sign(sim, path, expires, issued)}`;
}

export type UrlCheck = "ok" | "expired" | "invalid";

export function checkSignedUrl(sim: Sim, url: URL): UrlCheck {
  const expires = Number(url.searchParams.get("expires"));
  const given = url.searchParams.get("signature") ?? "";
  const expected = sign(sim, url.pathname, expires, url.searchParams.get("issued") ?? "");
  if (!Number.isFinite(expires) || given.length !== expected.length) return "invalid";
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return "invalid";
  return Date.now() > expires * 1000 ? "expired" : "ok";
}

/**
 * Whether the `outputExpiredRate` fault has this link dead: decided once per link (by its signature and the fault
 * seed), so retrying the same link keeps failing as a real expired link does, and only a new link gets a new roll.
 */
export function linkRolledExpired(sim: Sim, url: URL, rate: number | undefined): boolean {
  if (!rate) return false;
  const digest = createHmac("sha256", String(sim.state.faults.seed)).update(url.searchParams.get("signature") ?? "").digest();
  return digest.readUIntBE(0, 6) / 2 ** 48 < rate;
}
