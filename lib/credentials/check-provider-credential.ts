import { AppError } from "@/lib/errors";
import { buildConfig } from "@/lib/credentials/build-config";
import { createProviderAdapter } from "@/lib/providers/registry";
import { ProviderError } from "@/lib/providers/provider-error";
import { PROVIDER_LABELS, type ProviderId } from "@/lib/kling/providers";
import type { ProviderSecrets } from "@/lib/credentials/provider-secrets";

// A task id no provider will know. Asking for its status is an authenticated read that costs nothing: an auth error
// means the key is wrong; "not found" (or any other answer) means the provider accepted the key.
const PROBE_TASK_ID = "00000000-0000-4000-8000-00000000c4ec";

/** Makes one cheap authenticated call with the key; throws a field error when the provider refuses it. */
export async function checkProviderCredential<P extends ProviderId>(options: { provider: P; secrets: ProviderSecrets[P] }) {
  const { provider, secrets } = options;
  const adapter = createProviderAdapter(buildConfig(provider, secrets));
  const field = provider === "kling" ? "accessKey" : provider === "fal" ? "key" : "apiKey";
  try {
    await adapter.getStatus({ providerTaskId: PROBE_TASK_ID, correlationId: PROBE_TASK_ID, model: "kling-v3", expectedImages: 1 });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    if (error.errorClass === "auth") {
      throw new AppError("validation_failed", `${PROVIDER_LABELS[provider]} did not accept this key.`, {
        fields: { [field]: `${PROVIDER_LABELS[provider]} refused this key. Check it and try again.` },
      });
    }
    // No answer at all says nothing about the key; better to refuse than to store an unchecked one.
    if (error.errorClass === "transient" && !error.httpStatus) {
      throw new AppError("bad_gateway", `Couldn't reach ${PROVIDER_LABELS[provider]} to check the key. Try again in a moment.`);
    }
  }
  return { checkedAt: new Date() };
}
