import { z } from "zod";
import type { Prompt } from "@/lib/generated/prisma/client";
import { MODEL_IDS } from "@/lib/kling/models";
import { templateVariables } from "@/lib/prompts/template-variables";

// A saved prompt is a named template: its text (with `{variables}`), optional negative prompt, the model and the
// catalog parameters it was saved with. Parameters are checked by the catalog when the template is used to generate,
// not here, so a template saved for one model can still be loaded into the form and adjusted.
const parameters = z
  .record(z.string(), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 4_000, "Parameters are too large.")
  .default({});

export const savePromptInput = z.object({
  name: z.string().trim().min(1, "Give the template a name.").max(80, "At most 80 characters."),
  text: z.string().trim().min(1, "Write the prompt.").max(2500, "At most 2,500 characters (the providers' limit)."),
  negativePrompt: z.string().trim().max(2500).optional().transform((v) => v || null),
  model: z.enum(MODEL_IDS).optional().nullable(),
  parameters,
  /** null: team-wide; otherwise the project it belongs to. */
  projectId: z.string().min(1).nullable().default(null),
});
export type SavePromptInput = z.infer<typeof savePromptInput>;

export const updatePromptInput = savePromptInput.partial();
export type UpdatePromptInput = z.infer<typeof updatePromptInput>;

export const listPromptsQuery = z.object({ projectId: z.string().min(1).optional() });

export const enhancePromptInput = z.object({ prompt: z.string().max(2500) });

export type PromptDto = {
  id: string;
  name: string;
  text: string;
  negativePrompt: string | null;
  model: string | null;
  parameters: Record<string, unknown>;
  projectId: string | null;
  variables: string[];
  createdAt: string;
  updatedAt: string;
};

export function toPromptDto(prompt: Prompt): PromptDto {
  return {
    id: prompt.id,
    name: prompt.name,
    text: prompt.text,
    negativePrompt: prompt.negativePrompt,
    model: prompt.model,
    parameters: (prompt.parameters ?? {}) as Record<string, unknown>,
    projectId: prompt.projectId,
    variables: templateVariables(prompt.text),
    createdAt: prompt.createdAt.toISOString(),
    updatedAt: prompt.updatedAt.toISOString(),
  };
}
