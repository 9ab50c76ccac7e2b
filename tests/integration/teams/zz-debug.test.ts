import { expect, inject, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { createUser } from "@/prisma/factories/create-user";
import { addMember, createTeam } from "@/prisma/factories/create-team";

it("debug members page", async () => {
  const { user, password } = await createUser();
  const team = await createTeam({ ownerId: user.id });
  const m = await createUser();
  await addMember({ teamId: team.id, userId: m.user.id, role: "editor" });
  const { sessionToken } = await signInWithPassword({ email: user.email, password });
  const res = await fetch(`${inject("appUrl")}/settings/members`, { headers: { cookie: `authjs.session-token=${sessionToken}` } });
  const text = await res.text();
  console.log("STATUS", res.status, text.replaceAll(/<script[\s\S]*?<\/script>/g, "").slice(0, 6000));
  expect(res.status).toBe(200);
}, 300_000);
