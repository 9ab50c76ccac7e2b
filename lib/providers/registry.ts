import { createKlingAdapter, type KlingConfig } from "@/lib/providers/kling/adapter";
import { createWaveSpeedAdapter, type WaveSpeedConfig } from "@/lib/providers/wavespeed/adapter";
import { createRunwareAdapter, type RunwareConfig } from "@/lib/providers/runware/adapter";
import { createSegmindAdapter, type SegmindConfig } from "@/lib/providers/segmind/adapter";
import { createFalAdapter, type FalConfig } from "@/lib/providers/fal/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";

// Builds an adapter from configuration the caller has already resolved (env or a team's stored credentials).
// Adapters are cheap, but fal's holds the JWKS cache: keep one per (provider, credentials) for webhook routes.
export type ProviderConfig =
  | ({ provider: "kling" } & KlingConfig)
  | ({ provider: "wavespeed" } & WaveSpeedConfig)
  | ({ provider: "runware" } & RunwareConfig)
  | ({ provider: "segmind" } & SegmindConfig)
  | ({ provider: "fal" } & FalConfig);

export function createProviderAdapter(config: ProviderConfig): ProviderAdapter {
  switch (config.provider) {
    case "kling":
      return createKlingAdapter(config);
    case "wavespeed":
      return createWaveSpeedAdapter(config);
    case "runware":
      return createRunwareAdapter(config);
    case "segmind":
      return createSegmindAdapter(config);
    case "fal":
      return createFalAdapter(config);
  }
}
