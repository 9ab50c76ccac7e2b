import { z } from "zod";
import type { Project } from "@/lib/generated/prisma/client";

export const createProjectInput = z.object({
  name: z.string().trim().min(1, "Give the project a name.").max(120, "Keep the name under 120 characters."),
  description: z.string().trim().max(2000, "Keep the description under 2,000 characters.").optional(),
});
export type CreateProjectInput = z.infer<typeof createProjectInput>;

// The response schema is the DTO: only these fields ever leave the server.
export const projectDto = z.object({
  id: z.string(),
  teamId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  restricted: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ProjectDto = z.infer<typeof projectDto>;

export function toProjectDto(project: Project): ProjectDto {
  return projectDto.parse({
    ...project,
    archivedAt: project.archivedAt?.toISOString() ?? null,
    createdAt: project.createdAt.toISOString(),
  });
}
