import type { ModelId } from "@/lib/kling/models";
import type { GenerationParams } from "@/lib/kling/param-schemas";
import { imageCount } from "@/lib/kling/parse-params";
import type { ProviderId } from "@/lib/kling/providers";
import type { StatusResult } from "@/lib/providers/types";
import { adapterForTeam } from "@/lib/providers-config/adapter-for-team";

/**
 * One read of a submitted generation's status at its provider, with the team's own credentials. The sync and the
 * fresh-link ask both need exactly this call; ProviderErrors pass through for each caller to judge.
 */
export async function askProviderStatus(options: {
  generation: { teamId: string; provider: string; model: string; providerTaskId: string; correlationId: string; parameters: unknown };
}): Promise<StatusResult> {
  const { generation } = options;
  const { adapter } = await adapterForTeam({ teamId: generation.teamId, provider: generation.provider as ProviderId });
  return adapter.getStatus({
    providerTaskId: generation.providerTaskId,
    correlationId: generation.correlationId,
    model: generation.model as ModelId,
    expectedImages: imageCount(generation.parameters as GenerationParams),
  });
}
