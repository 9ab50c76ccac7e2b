"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/current-user";
import { AppError, toAppError } from "@/lib/errors";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { getGenerationOrThrow } from "@/lib/generations/get-generation-or-throw";
import { submitGeneration, submitRerun } from "@/lib/generations/submit-generation";
import { log } from "@/lib/observability/log";
import { cancelGeneration } from "@/lib/generations/cancel-generation";
import { createGenerationInput } from "@/lib/generations/generation-schemas";
import { formToGenerationRequest } from "./form-to-request";

export type GenerateState = { ok?: boolean; error?: string; fields?: Record<string, string> };

async function caller() {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Sign in again to continue.");
  return { kind: "user" as const, userId: user.id };
}

export async function generateAction(projectId: string, _: GenerateState, form: FormData): Promise<GenerateState> {
  try {
    const who = await caller();
    const { access } = await getProjectOrThrow({ caller: who, projectId, permission: "generation.create" });
    const parsed = createGenerationInput.safeParse(formToGenerationRequest(form));
    if (!parsed.success) throw toAppError(parsed.error);
    await submitGeneration({ access, projectId, input: parsed.data });
    revalidatePath(`/projects/${projectId}`);
    return { ok: true };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "internal_error") log("studio").error({ err: error }, "generate failed");
    return { error: appError.message, fields: appError.fields };
  }
}

export async function rerunAction(generationId: string): Promise<GenerateState> {
  try {
    const who = await caller();
    const { generation, access } = await getGenerationOrThrow({ caller: who, generationId, permission: "generation.create" });
    await submitRerun({ access, generation, input: { parameters: {}, pinSeed: false } });
    revalidatePath(`/projects/${generation.projectId}`);
    return { ok: true };
  } catch (error) {
    return { error: toAppError(error).message };
  }
}

export async function cancelAction(generationId: string): Promise<GenerateState> {
  try {
    const { generation } = await getGenerationOrThrow({ caller: await caller(), generationId, permission: "generation.create" });
    await cancelGeneration({ generation });
    revalidatePath(`/projects/${generation.projectId}`);
    return { ok: true };
  } catch (error) {
    return { error: toAppError(error).message };
  }
}
