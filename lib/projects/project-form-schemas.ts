import { z } from "zod";

// What the studio's "New project" form sends: the API's fields plus an optional monthly budget typed in dollars.
export const createProjectFormInput = z.object({
  name: z.string().trim().min(1, "Give the project a name.").max(120, "Keep the name under 120 characters."),
  description: z.string().trim().max(2000, "Keep the description under 2,000 characters.").optional(),
  monthlyBudgetUsd: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : Number(v.replace(/^\$/, ""))))
    .pipe(z.number("Enter an amount in dollars, like 250.").positive("A budget must be more than $0.").max(1_000_000, "That budget is too large.").nullable()),
});
export type CreateProjectFormInput = z.infer<typeof createProjectFormInput>;

export const renameProjectInput = z.object({
  name: z.string().trim().min(1, "Give the project a name.").max(120, "Keep the name under 120 characters."),
});
