import { z } from "zod";

export const updateProjectInput = z
  .object({
    name: z.string().trim().min(1, "Give the project a name.").max(120, "Keep the name under 120 characters.").optional(),
    description: z.string().trim().max(2000, "Keep the description under 2,000 characters.").nullable().optional(),
    archived: z.boolean().optional(),
    restricted: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to change.");
export type UpdateProjectInput = z.infer<typeof updateProjectInput>;

export const projectMemberInput = z.object({ userId: z.string().min(1, "Choose a member.") });

export type ProjectMemberDto = { userId: string; email: string; name: string | null; addedAt: string };
