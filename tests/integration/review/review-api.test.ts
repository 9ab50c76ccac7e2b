import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addMember } from "@/prisma/factories/create-team";
import { memberOfNewTeam, signedInUser } from "@/tests/helpers/signed-in-user";
import { referenceAsset } from "@/tests/helpers/pipeline";
import { waitForMail } from "@/tests/integration/auth/mailbox";

// Issue 14, item 4 over HTTP: who may decide, the history of decisions, comments with mentions, and the mentioned
// member's notifications. The rules themselves are tested in tests/db/review/review.test.ts.

describe("review API", { timeout: 240_000 }, () => {
  it("takes decisions from approvers only, lists their history, and notifies the members a comment mentions", async () => {
    const owner = await memberOfNewTeam("owner");
    const editor = await signedInUser();
    const viewer = await signedInUser();
    await addMember({ teamId: owner.team.id, userId: editor.user.id, role: "editor" });
    await addMember({ teamId: owner.team.id, userId: viewer.user.id, role: "viewer" });
    const { id: assetId } = await referenceAsset({ teamId: owner.team.id, projectId: owner.project.id, width: 64, height: 64 });
    const patch = (who: typeof editor, approvalStatus: string) =>
      who.api(`/api/v1/assets/${assetId}`, { method: "PATCH", body: JSON.stringify({ approvalStatus }) });

    expect((await patch(editor, "pending")).status).toBe(200);
    const refused = await patch(editor, "approved");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "forbidden", message: "Only owners and admins can approve or reject images." } });
    expect((await patch(owner, "approved")).status).toBe(200);
    const history = (await (await viewer.api(`/api/v1/assets/${assetId}/review-history`)).json()) as { data: { from: string; to: string; actor: { email: string } }[] };
    expect(history.data.map((h) => [h.from, h.to, h.actor.email])).toEqual([
      ["pending", "approved", owner.user.email],
      ["none", "pending", editor.user.email],
    ]);

    const post = (who: typeof editor, body: unknown) => who.api(`/api/v1/assets/${assetId}/comments`, { method: "POST", body: JSON.stringify(body) });
    const created = await post(editor, { body: `Can we ship this? @${owner.user.email}` });
    expect(created.status, await created.clone().text()).toBe(201);
    const comment = (await created.json()) as { id: string; mentions: { email: string }[] };
    expect(comment.mentions.map((m) => m.email)).toEqual([owner.user.email]);
    // A mention of someone outside the team names them beside the field, and writes nothing.
    const typo = await post(editor, { body: "@nobody@example.test look" });
    expect(typo.status).toBe(422);
    expect(((await typo.json()) as { error: { fields: Record<string, string> } }).error.fields.body).toContain("nobody@example.test");
    expect((await post(viewer, { body: "me too" })).status).toBe(403);
    expect((await post(editor, { body: "   " })).status).toBe(422);
    const list = (await (await viewer.api(`/api/v1/assets/${assetId}/comments`)).json()) as { data: { id: string }[] };
    expect(list.data.map((c) => c.id)).toEqual([comment.id]);

    const inbox = async () =>
      (await (await owner.api(`/api/v1/me/notifications?teamId=${owner.team.id}`)).json()) as { data: { id: string; href: string }[]; unread: number };
    expect(await inbox()).toMatchObject({ unread: 1, data: [{ href: `/projects/${owner.project.id}/assets/${assetId}` }] });
    // The editor can't read or clear the owner's notifications: each person sees their own.
    expect((await (await editor.api(`/api/v1/me/notifications?teamId=${owner.team.id}`)).json()) as object).toEqual({ data: [], unread: 0 });
    await editor.api("/api/v1/me/notifications/read", { method: "POST", body: JSON.stringify({ teamId: owner.team.id }) });
    expect((await inbox()).unread).toBe(1);
    expect((await owner.api("/api/v1/me/notifications/read", { method: "POST", body: JSON.stringify({ teamId: owner.team.id }) })).status).toBe(200);
    expect((await inbox()).unread).toBe(0);

    // The worker emails the mention through the stack's SMTP server, with a link to the image, and marks it emailed.
    const mail = await waitForMail(owner.user.email, 30_000);
    expect(mail.raw.replace(/=\r?\n/g, "")).toContain(`/projects/${owner.project.id}/assets/${assetId}`);
    await expect.poll(async () => (await db.notification.findFirstOrThrow({ where: { userId: owner.user.id } })).emailedAt, { timeout: 10_000 }).not.toBeNull();
  });
});
