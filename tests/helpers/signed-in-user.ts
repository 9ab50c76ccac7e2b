import { inject } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { createUser } from "@/prisma/factories/create-user";
import { addMember, createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import type { MemberRole } from "@/lib/generated/prisma/enums";

/** A user signed in the way the sign-in page does it, with a fetch that carries their session cookie. */
export async function signedInUser() {
  const { user, password } = await createUser();
  const { sessionToken } = await signInWithPassword({ email: user.email, password });
  const appUrl = inject("appUrl");
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${appUrl}${path}`, {
      ...init,
      headers: { cookie: `authjs.session-token=${sessionToken}`, origin: appUrl, "content-type": "application/json", ...init.headers },
    });
  return { user, password, sessionToken, api };
}

/** A team with a project, and a signed-in member of the given role. */
export async function memberOfNewTeam(role: MemberRole = "owner") {
  const member = await signedInUser();
  const owner = role === "owner" ? member.user : (await createUser()).user;
  const team = await createTeam({ ownerId: owner.id });
  if (role !== "owner") await addMember({ teamId: team.id, userId: member.user.id, role });
  const project = await createProjectRow({ teamId: team.id, name: "Launch", createdById: owner.id });
  return { ...member, team, project };
}
