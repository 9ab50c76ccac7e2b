import { z } from "zod";
import { PROVIDERS, type ProviderName } from "../core/types";

const rate = z.number().min(0).max(1);
const ms = z.int().min(0).max(600_000);

// Every knob is optional; a provider's block overrides the global block key by key.
export const faultConfigSchema = z.strictObject({
  latencyMs: ms.optional(),
  rateLimitRate: rate.optional(),
  retryAfterSeconds: z.int().min(0).max(3600).optional(),
  serverErrorRate: rate.optional(),
  serverErrorStatus: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
  timeoutRate: rate.optional(),
  timeoutMs: ms.optional(), // how long a "timeout" request hangs before the socket is cut
  quotaRate: rate.optional(),
  safetyRate: rate.optional(),
  jobFailureRate: rate.optional(),
  stuckRate: rate.optional(),
  queuedMs: ms.optional(),
  processingMs: ms.optional(),
  webhookDropRate: rate.optional(),
  webhookDuplicateRate: rate.optional(),
  webhookCopies: z.int().min(2).max(10).optional(), // how many times a duplicated delivery is sent (default 2)
  webhookJitterMs: ms.optional(), // random extra delay per copy, so copies and events arrive shuffled
  webhookReorderRate: rate.optional(),
  webhookReorderHoldMs: ms.optional(),
  webhookDelayMs: ms.optional(),
  webhookRetryBaseMs: ms.optional(),
  webhookMaxAttempts: z.int().min(1).max(20).optional(),
  webhookTimeoutMs: ms.optional(),
  outputTtlSeconds: z.int().min(0).optional(),
  outputExpiredRate: rate.optional(), // share of issued links that are dead (rolled once per link, not per download)
  linkTtlSeconds: z.int().min(0).max(7 * 24 * 3600).optional(), // validity of each link signed per read (Kling)
  outputSlowMs: ms.optional(),
  outputTruncateRate: rate.optional(),
  // Jobs end failed and report this status word instead of the provider's usual failure status: WaveSpeed's
  // other documented terminal states (`cancelled`, `timeout`, `deleted`), or an undocumented word to check that
  // adapters fail loudly instead of waiting.
  endStatus: z.string().min(1).max(40).optional(),
  balanceMicros: z.int().min(0).optional(), // prepaid balance; a submit that would overdraw it gets the quota error
  // The provider's list price changed: micro-USD per image (per generation for Segmind) for jobs submitted from now
  // on, billed and reported (Runware `cost`, Segmind `x-cost`/`metrics.cost`, Kling units) at that price, so a test
  // can provoke the studio's price check without the studio knowing.
  unitPriceMicros: z.int().min(0).max(10_000_000).optional(),
});
export type FaultConfig = z.infer<typeof faultConfigSchema>;

const providerBlocks = z.strictObject(
  Object.fromEntries(PROVIDERS.map((p) => [p, faultConfigSchema.optional()])) as Record<
    ProviderName,
    z.ZodOptional<typeof faultConfigSchema>
  >,
);

// Body of POST /_sim/faults. Top-level knobs are shorthand for `global`.
export const faultSettingsSchema = faultConfigSchema.extend({
  seed: z.int().optional(),
  global: faultConfigSchema.optional(),
  providers: providerBlocks.optional(),
});
export type FaultSettingsInput = z.infer<typeof faultSettingsSchema>;

export interface FaultSettings {
  seed: number;
  global: FaultConfig;
  providers: Partial<Record<ProviderName, FaultConfig>>;
}

export function normalizeFaultSettings(input: FaultSettingsInput, defaultSeed: number): FaultSettings {
  const { seed, global, providers, ...flat } = input;
  return { seed: seed ?? defaultSeed, global: { ...flat, ...global }, providers: providers ?? {} };
}

export function effectiveFaults(settings: FaultSettings, provider: ProviderName): FaultConfig {
  return { ...settings.global, ...settings.providers[provider] };
}
