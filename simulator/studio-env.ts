import * as keys from "./credentials";

/**
 * The studio's configuration for talking to this simulator at `url`, as it would be given a real provider's: each
 * provider's base URL (its path prefix here) and the keys the simulator accepts. The stack that starts the simulator
 * (scripts/stack/simulator.ts, tests) hands these to the app and worker; the studio itself never imports simulator/.
 * SIMULATOR_URL tells the studio the providers are simulated (the banner; its host skips the outbound policy).
 */
export function studioEnvFor(url: string): Record<string, string> {
  const base = url.replace(/\/+$/, "");
  return {
    SIMULATOR_URL: base,
    KLING_API_BASE_URL: `${base}/kling`,
    KLING_ACCESS_KEY: keys.KLING_ACCESS_KEY,
    KLING_SECRET_KEY: keys.KLING_SECRET_KEY,
    WAVESPEED_API_BASE_URL: `${base}/wavespeed`,
    WAVESPEED_API_KEY: keys.WAVESPEED_API_KEY,
    WAVESPEED_WEBHOOK_SECRET: keys.WAVESPEED_WEBHOOK_SECRET,
    RUNWARE_API_BASE_URL: `${base}/runware`,
    RUNWARE_API_KEY: keys.RUNWARE_API_KEY,
    SEGMIND_API_BASE_URL: `${base}/segmind`,
    SEGMIND_API_KEY: keys.SEGMIND_API_KEY,
    FAL_QUEUE_BASE_URL: `${base}/fal/queue`,
    FAL_JWKS_URL: `${base}/fal/rest/.well-known/jwks.json`,
    FAL_KEY: keys.FAL_KEY,
  };
}
