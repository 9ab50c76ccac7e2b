import type { ProviderId } from "@/lib/kling/providers";

// Where each provider lives inside the simulator (AGENTS.md): one port, one path prefix per provider, and the
// provider's exact paths after it. Used to build adapter config when no real provider keys are configured.
export function simulatorUrls(simulatorUrl: string): Record<ProviderId, string> & { falJwks: string } {
  const base = simulatorUrl.replace(/\/+$/, "");
  return {
    kling: `${base}/kling`,
    wavespeed: `${base}/wavespeed`,
    runware: `${base}/runware`,
    segmind: `${base}/segmind`,
    fal: `${base}/fal/queue`,
    falJwks: `${base}/fal/rest/.well-known/jwks.json`,
  };
}

/** The real endpoints, for symmetry with simulatorUrls (lib/env.ts holds the overridable defaults). */
export const PROVIDER_URLS = {
  kling: "https://api-singapore.klingai.com",
  wavespeed: "https://api.wavespeed.ai",
  runware: "https://api.runware.ai",
  segmind: "https://api.segmind.com",
  fal: "https://queue.fal.run",
  falJwks: "https://rest.alpha.fal.ai/.well-known/jwks.json",
} as const;
