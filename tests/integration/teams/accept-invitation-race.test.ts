import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { hashInvitationToken } from "@/lib/invitations/invitation-token";
import { createId } from "@/lib/ids";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { callFormAction, serverActionId } from "@/tests/helpers/server-action";

// One invitation link submitted six times at once (a double-click, a retrying client, an attacker): one account, one
// membership, and five clear "already accepted" answers — not five 500s carrying the database's message.

describe("accepting one invitation six times at once", () => {
  it("lets one in and answers the others with a conflict", { timeout: 240_000 }, async () => {
    const { user: owner } = await createUser();
    const team = await createTeam({ ownerId: owner.id });
    const email = `race-${Date.now()}@example.test`;
    const token = randomBytes(32).toString("base64url");
    await db.invitation.create({
      data: { id: createId("invitation"), teamId: team.id, email, role: "editor", tokenHash: hashInvitationToken(token), expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const pageUrl = `${inject("appUrl")}/invite/${token}`;
    expect((await fetch(pageUrl)).status).toBe(200);
    const actionId = serverActionId("app/invite/[token]/actions.ts", "acceptInvitationAsNewUserAction");

    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => callFormAction({ pageUrl, actionId, form: { token, name: `Racer ${i}`, password: "a long enough password" } })),
    );
    expect(answers.filter((a) => a.status >= 500).map((a) => a.text.slice(0, 300))).toEqual([]);
    const joined = answers.filter((a) => (a.headers.get("x-action-redirect") ?? "").startsWith("/"));
    const conflicts = answers.filter((a) => a.text.includes('"code":"conflict"'));
    const seen = answers.map((a) => `${a.status} ${a.headers.get("x-action-redirect") ?? ""} ${a.text.slice(-200)}`);
    expect(joined, seen.join("\n")).toHaveLength(1);
    expect(conflicts, seen.join("\n")).toHaveLength(5);
    for (const answer of conflicts) {
      expect(answer.text).toContain("This invitation has already been accepted");
      expect(answer.text).not.toMatch(/prisma|constraint|P2002/i);
    }
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await db.membership.count({ where: { teamId: team.id, userId: user.id } })).toBe(1);
  });
});
