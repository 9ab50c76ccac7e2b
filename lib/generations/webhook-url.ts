import { env } from "@/lib/env";
import type { ProviderId } from "@/lib/kling/providers";

/** Where a provider should deliver updates; adapters append the job's id and token. Segmind sends none. */
export function webhookUrlFor(provider: ProviderId): string | undefined {
  if (provider === "segmind") return undefined;
  const base = (env().WEBHOOK_BASE_URL ?? env().APP_URL).replace(/\/+$/, "");
  return `${base}/api/webhooks/${provider}`;
}
