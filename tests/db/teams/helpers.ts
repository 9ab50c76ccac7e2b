import { AppError } from "@/lib/errors";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { createUser } from "@/prisma/factories/create-user";
import { addMember, createTeam } from "@/prisma/factories/create-team";
import type { MemberRole } from "@/lib/generated/prisma/enums";

/** A team with an owner and one member of each other role, and their access objects. */
export async function teamWithRoles() {
  const owner = (await createUser({ name: "Olivia Owner" })).user;
  const team = await createTeam({ ownerId: owner.id });
  const people: Record<MemberRole, { id: string; email: string }> = { owner, admin: owner, editor: owner, viewer: owner };
  for (const role of ["admin", "editor", "viewer"] as const) {
    const { user } = await createUser();
    await addMember({ teamId: team.id, userId: user.id, role });
    people[role] = user;
  }
  const accessOf = (role: MemberRole) =>
    resolveTeamAccess({ caller: { kind: "user", userId: people[role].id }, teamId: team.id, permission: "project.read" });
  return { team, people, accessOf };
}

/** The AppError code a promise rejects with ("ok" when it resolves). */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}
