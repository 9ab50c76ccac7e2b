// The providers that serve Kling image models. Ids match the Prisma `Provider` enum.
export const PROVIDER_IDS = ["kling", "wavespeed", "runware", "segmind", "fal"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const PROVIDER_LABELS: Record<ProviderId, string> = {
  kling: "Kling (official API)",
  wavespeed: "WaveSpeedAI",
  runware: "Runware",
  segmind: "Segmind",
  fal: "fal.ai",
};

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === "string" && (PROVIDER_IDS as readonly string[]).includes(value);
}
