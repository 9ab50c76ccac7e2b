import { describe, expect, it } from "vitest";
import { maySignIn } from "@/lib/auth/may-sign-in";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createInvitation } from "./create-invitation";

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

async function team() {
  const { user } = await createUser();
  return createTeam({ ownerId: user.id });
}

describe("maySignIn (magic links and SSO)", () => {
  it("admits existing users, whatever the case of the address", async () => {
    const { user } = await createUser();
    expect(await maySignIn({ email: user.email.toUpperCase() })).toBe(true);
  });

  it("admits a pending invitation and nothing else", async () => {
    const { id: teamId } = await team();
    const pending = unique("pending");
    const accepted = unique("accepted");
    const revoked = unique("revoked");
    const expired = unique("expired");
    await createInvitation({ teamId, email: pending });
    await createInvitation({ teamId, email: accepted, acceptedAt: new Date() });
    await createInvitation({ teamId, email: revoked, revokedAt: new Date() });
    await createInvitation({ teamId, email: expired, expiresAt: new Date(Date.now() - 1000) });
    expect(await maySignIn({ email: pending })).toBe(true);
    expect(await maySignIn({ email: accepted })).toBe(false);
    expect(await maySignIn({ email: revoked })).toBe(false);
    expect(await maySignIn({ email: expired })).toBe(false);
    expect(await maySignIn({ email: unique("stranger") })).toBe(false);
    expect(await maySignIn({ email: "" })).toBe(false);
  });

  it("matches the invited address exactly, not as a pattern", async () => {
    const { id: teamId } = await team();
    const suffix = `${Date.now()}@example.test`;
    await createInvitation({ teamId, email: `ab_cd-${suffix}` });
    expect(await maySignIn({ email: `abxcd-${suffix}` })).toBe(false);
    expect(await maySignIn({ email: `%-${suffix}` })).toBe(false);
    expect(await maySignIn({ email: `AB_CD-${suffix}` })).toBe(true);
  });
});
