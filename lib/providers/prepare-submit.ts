import { parseGenerationParams } from "@/lib/kling/parse-params";
import { checkGenerationInputs } from "@/lib/kling/inputs";
import { checkProviderSupport } from "@/lib/kling/check-provider-support";
import { ProviderError } from "@/lib/providers/provider-error";
import type { GenerationParams } from "@/lib/kling/param-schemas";
import type { ProviderId } from "@/lib/kling/providers";
import type { SubmitRequest } from "@/lib/providers/types";

// Every adapter's first step: re-validate against the catalog (params may come straight from the DB) and refuse
// what this provider cannot do, before a single byte goes out.
export function prepareSubmit(provider: ProviderId, request: SubmitRequest): GenerationParams {
  const parsed = parseGenerationParams({ model: request.model, mode: request.mode, params: request.params });
  const fields = parsed.ok
    ? { ...checkGenerationInputs({ model: parsed.model, mode: parsed.mode, inputs: request.inputs, prompt: parsed.params.prompt }),
        ...checkProviderSupport({ provider, model: parsed.model, mode: parsed.mode, params: parsed.params, inputs: request.inputs }) }
    : parsed.fields;
  if (!parsed.ok || Object.keys(fields).length) {
    const message = Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; ");
    throw new ProviderError("invalid_input", message, { fields });
  }
  return parsed.params;
}
