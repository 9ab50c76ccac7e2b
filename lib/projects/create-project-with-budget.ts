import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { createProject } from "@/lib/projects/create-project";
import { setBudget } from "@/lib/spend/set-budget";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { CreateProjectFormInput } from "@/lib/projects/project-form-schemas";

/** The studio's "New project": the project, and when a budget was given, its monthly hard limit (both audited). */
export async function createProjectWithBudget(options: { access: TeamAccess; input: CreateProjectFormInput }) {
  const { access, input } = options;
  // Checked before anything is written, so a refused budget never leaves a project behind.
  if (input.monthlyBudgetUsd !== null && !can(access.role, "budget.manage")) {
    throw new AppError("forbidden", "Only owners and admins can set a budget.", { fields: { monthlyBudgetUsd: "Only owners and admins can set a budget." } });
  }
  const project = await createProject({ access, input: { name: input.name, description: input.description || undefined } });
  if (input.monthlyBudgetUsd !== null) {
    await setBudget({
      access,
      projectId: project.id,
      input: { period: "monthly", softLimitMicros: null, hardLimitMicros: Math.round(input.monthlyBudgetUsd * 1_000_000) },
    });
  }
  return project;
}
