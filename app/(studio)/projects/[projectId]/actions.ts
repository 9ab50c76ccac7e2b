"use server";

import { revalidatePath } from "next/cache";
import { sessionCaller } from "@/lib/auth/current-user";
import { toAppError } from "@/lib/errors";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { submitGeneration } from "@/lib/generations/submit-generation";
import { log } from "@/lib/observability/log";
import { createGenerationInput } from "@/lib/generations/generation-schemas";
import { failed, ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { toGenerationDto, type GenerationDto } from "@/lib/generations/generation-dto";
import { formToGenerationRequest } from "./form-to-request";

// The generation itself rides along so the panel can hand it to the queue at once (studio:generation-submitted).
export type GenerateResult = ActionResult<{ generationId: string; generation: GenerationDto }>;

export async function generateAction(projectId: string, _: ActionState<{ generationId: string; generation: GenerationDto }>, form: FormData): Promise<GenerateResult> {
  try {
    const who = await sessionCaller();
    const { access } = await getProjectOrThrow({ caller: who, projectId, permission: "generation.create" });
    const parsed = createGenerationInput.safeParse(formToGenerationRequest(form));
    if (!parsed.success) throw toAppError(parsed.error);
    const { generation } = await submitGeneration({ access, projectId, input: parsed.data });
    revalidatePath(`/projects/${projectId}`);
    return ok({ generationId: generation.id, generation: await toGenerationDto({ ...generation, outputs: [] }) });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "internal_error") log("studio").error({ err: error }, "generate failed");
    // A refusal by a budget or cap (which limit, what is left, what this would cost) belongs beside the Generate
    // button: the form shows `fields.budget` there.
    if (appError.code === "payment_required") return failed(appError.code, appError.message, { budget: appError.message });
    return failed(appError.code, appError.message, appError.fields);
  }
}
