import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { acceptInvitationAsNewUser } from "@/lib/invitations/accept-invitation-as-new-user";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { listInvitations } from "@/lib/invitations/list-invitations";
import { hashInvitationToken } from "@/lib/invitations/invitation-token";
import { verifyPassword } from "@/lib/auth/password";
import { createUser } from "@/prisma/factories/create-user";
import { outcome, teamWithRoles } from "./helpers";

const tokenOf = (url: string) => url.split("/invite/")[1]!;

describe("invitations", () => {
  it("stores only the token's hash, expires in 7 days and sends the link by email", async () => {
    const log = vi.spyOn(console, "info").mockImplementation(() => undefined);
    const { team, accessOf } = await teamWithRoles();
    const { invitation, url, delivered } = await createInvitation({ access: await accessOf("admin"), input: { email: "new@example.test", role: "editor" } });
    const token = tokenOf(url);
    expect(delivered).toBe(false);
    expect(log.mock.calls.flat().join("\n")).toContain(url);
    expect(invitation.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(await db.invitation.findMany({ where: { teamId: team.id } }))).not.toContain(token);
    const days = (invitation.expiresAt.getTime() - invitation.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);
    log.mockRestore();
  });

  it("is accepted once, by the invited address only", async () => {
    const { team, accessOf } = await teamWithRoles();
    const invitee = (await createUser({ email: "Invitee@Example.test" })).user;
    const stranger = (await createUser()).user;
    const { url } = await createInvitation({ access: await accessOf("owner"), input: { email: invitee.email, role: "viewer" } });
    expect(await outcome(acceptInvitation({ token: tokenOf(url), userId: stranger.id }))).toBe("forbidden");
    expect(await acceptInvitation({ token: tokenOf(url), userId: invitee.id })).toEqual({ teamId: team.id });
    expect(await db.membership.findUnique({ where: { teamId_userId: { teamId: team.id, userId: invitee.id } } })).toMatchObject({ role: "viewer" });
    // Used up: a 409 that says so (the holder learns only what they did themselves).
    expect(await outcome(acceptInvitation({ token: tokenOf(url), userId: invitee.id }))).toBe("conflict");
  });

  it("refuses revoked, expired, replaced and made-up links", async () => {
    const { accessOf } = await teamWithRoles();
    const admin = await accessOf("admin");
    const invitee = (await createUser()).user;
    const first = await createInvitation({ access: admin, input: { email: invitee.email, role: "editor" } });
    const second = await createInvitation({ access: admin, input: { email: invitee.email, role: "editor" } });
    expect(await outcome(acceptInvitation({ token: tokenOf(first.url), userId: invitee.id }))).toBe("not_found");
    await revokeInvitation({ access: admin, invitationId: second.invitation.id });
    expect(await outcome(acceptInvitation({ token: tokenOf(second.url), userId: invitee.id }))).toBe("not_found");
    const third = await createInvitation({ access: admin, input: { email: invitee.email, role: "editor" } });
    await db.invitation.update({ where: { id: third.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await outcome(acceptInvitation({ token: tokenOf(third.url), userId: invitee.id }))).toBe("not_found");
    expect(await outcome(acceptInvitation({ token: "made-up", userId: invitee.id }))).toBe("not_found");
    expect(await listInvitations({ teamId: admin.teamId })).toEqual([]);
  });

  it("adds one membership when the same link is opened twice at once", async () => {
    const { team, accessOf } = await teamWithRoles();
    const invitee = (await createUser()).user;
    const { url } = await createInvitation({ access: await accessOf("owner"), input: { email: invitee.email, role: "editor" } });
    const results = await Promise.all([1, 2, 3].map(() => outcome(acceptInvitation({ token: tokenOf(url), userId: invitee.id }))));
    expect(results.sort()).toEqual(["conflict", "conflict", "ok"]);
    expect(await db.membership.count({ where: { teamId: team.id, userId: invitee.id } })).toBe(1);
  });

  it("only owners invite owners, and members can't be invited twice", async () => {
    const { people, accessOf } = await teamWithRoles();
    expect(await outcome(createInvitation({ access: await accessOf("admin"), input: { email: "boss@example.test", role: "owner" } }))).toBe("forbidden");
    expect(await outcome(createInvitation({ access: await accessOf("admin"), input: { email: people.editor.email, role: "viewer" } }))).toBe("conflict");
  });

  it("creates an account for a new person: argon2 password, verified email, session, membership", async () => {
    const { team, accessOf } = await teamWithRoles();
    const email = `fresh-${Date.now()}@example.test`;
    const { url } = await createInvitation({ access: await accessOf("owner"), input: { email, role: "editor" } });
    const result = await acceptInvitationAsNewUser({ token: tokenOf(url), input: { name: "Fresh Face", password: "a very good password" } });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "Fresh Face", emailVerified: expect.any(Date) });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash!, "a very good password")).toBe(true);
    expect(await db.session.findUnique({ where: { sessionToken: result.sessionToken } })).toMatchObject({ userId: user.id });
    expect(result.teamId).toBe(team.id);
    expect(await outcome(acceptInvitationAsNewUser({ token: tokenOf(url), input: { name: "Again", password: "a very good password" } }))).toBe("conflict");
  });

  it("sends existing accounts to sign in instead of creating a second one", async () => {
    const { accessOf } = await teamWithRoles();
    const existing = (await createUser()).user;
    const { url } = await createInvitation({ access: await accessOf("owner"), input: { email: existing.email, role: "editor" } });
    expect(await outcome(acceptInvitationAsNewUser({ token: tokenOf(url), input: { name: "Dup", password: "a very good password" } }))).toBe("conflict");
  });
});
