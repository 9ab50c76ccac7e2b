import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { PROVIDER_IDS, type ProviderId } from "@/lib/kling/providers";
import type { ProviderSecrets } from "@/lib/credentials/provider-secrets";

/**
 * Where a team's generations on a provider go: its own key ("team"), the deployment's key from the environment
 * ("server"), the built-in simulator when the stack that runs it handed in its keys ("simulator"), or
 * nowhere ("none": a submit is refused with "No … key is configured"). The one answer to "simulator mode?": the
 * adapter resolution (resolve-provider-config.ts), the providers settings page and the studio header all ask here,
 * so they cannot disagree.
 */
export type ProviderRoute = "team" | "server" | "simulator" | "none";

/** The provider a generation uses when neither the request nor the team names one. */
export const FALLBACK_PROVIDER: ProviderId = "kling";

export function providerRoute(options: { provider: ProviderId; hasTeamCredential: boolean }): ProviderRoute {
  if (options.hasTeamCredential) return "team";
  // The stack that runs the simulator hands in its keys as the server's (simulator/studio-env.ts) and sets
  // SIMULATOR_URL: those keys are the simulator's.
  if (serverSecrets(options.provider)) return env().SIMULATOR_URL ? "simulator" : "server";
  return "none";
}

/** Every provider's route for one team, and the provider its generations use by default. */
export async function teamProviderRoutes(options: { teamId: string }) {
  const [rows, team] = await Promise.all([
    db.providerCredential.findMany({ where: { teamId: options.teamId }, select: { provider: true } }),
    db.team.findUnique({ where: { id: options.teamId }, select: { defaultProvider: true } }),
  ]);
  const routes = Object.fromEntries(
    PROVIDER_IDS.map((provider) => [provider, providerRoute({ provider, hasTeamCredential: rows.some((r) => r.provider === provider) })]),
  ) as Record<ProviderId, ProviderRoute>;
  const defaultProvider = team?.defaultProvider ?? FALLBACK_PROVIDER;
  return { routes, defaultProvider, defaultRoute: routes[defaultProvider] };
}

/** The deployment's own keys for a provider, from the environment, or null. */
export function serverSecrets(provider: ProviderId): ProviderSecrets[ProviderId] | null {
  const e = env();
  switch (provider) {
    case "kling":
      return e.KLING_ACCESS_KEY && e.KLING_SECRET_KEY ? { accessKey: e.KLING_ACCESS_KEY, secretKey: e.KLING_SECRET_KEY } : null;
    case "wavespeed":
      return e.WAVESPEED_API_KEY ? { apiKey: e.WAVESPEED_API_KEY, webhookSecret: e.WAVESPEED_WEBHOOK_SECRET } : null;
    case "runware":
      return e.RUNWARE_API_KEY ? { apiKey: e.RUNWARE_API_KEY } : null;
    case "segmind":
      return e.SEGMIND_API_KEY ? { apiKey: e.SEGMIND_API_KEY } : null;
    case "fal":
      return e.FAL_KEY ? { key: e.FAL_KEY } : null;
  }
}
