import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { boss } from "@/lib/jobs/boss";
import { updateAssets } from "@/lib/assets/update-assets";
import { addComment } from "@/lib/review/add-comment";
import { deleteComment } from "@/lib/review/delete-comment";
import { listComments } from "@/lib/review/list-comments";
import { listReviewHistory } from "@/lib/review/list-review-history";
import { listNotifications } from "@/lib/review/list-notifications";
import { markNotificationsRead } from "@/lib/review/mark-notifications-read";
import { emailNotification } from "@/lib/review/email-notification";
import { listReviewQueue } from "@/lib/review/list-review-queue";
import { createProjectRow } from "@/prisma/factories/create-project";
import { createUser } from "@/prisma/factories/create-user";
import { addMember } from "@/prisma/factories/create-team";
import { teamWithRoles, outcome } from "../teams/helpers";

// Issue 14, item 4: approval decisions belong to approvers and leave a history; comments thread one level deep and
// notify the members they mention (in the studio, and by an email job that commits with the notification).

async function asset(teamId: string, projectId: string) {
  return db.asset.create({
    data: { id: createId("asset"), teamId, projectId, storageKey: `originals/${teamId}/${createId("asset")}.png`, width: 64, height: 64, bytes: 10, format: "png", sha256: "0".repeat(64), prompt: "a fox" },
  });
}

const emailJobs = (notificationIds: string[]) =>
  db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'notify.email' AND data->>'notificationId' = ANY(${notificationIds})`.then((r) => Number(r[0]!.n));

describe("review", () => {
  let world: Awaited<ReturnType<typeof teamWithRoles>>;
  let projectId: string;
  beforeAll(async () => {
    await boss(); // the queue's schema exists once it has started
    world = await teamWithRoles();
    projectId = (await createProjectRow({ teamId: world.team.id })).id;
  });

  it("lets makers send for review and take back, only approvers decide, and records each change once", async () => {
    const a = await asset(world.team.id, projectId);
    const b = await asset(world.team.id, projectId);
    const editor = await world.accessOf("editor");
    const admin = await world.accessOf("admin");

    await updateAssets({ access: editor, assets: [a, b], input: { approvalStatus: "pending" } });
    expect(await outcome(updateAssets({ access: editor, assets: [a], input: { approvalStatus: "approved" } }))).toBe("forbidden");
    expect(await outcome(updateAssets({ access: editor, assets: [a], input: { approvalStatus: "rejected" } }))).toBe("forbidden");
    expect((await db.asset.findUniqueOrThrow({ where: { id: a.id } })).approvalStatus).toBe("pending");

    const queue = await listReviewQueue({ projectId, teamId: world.team.id });
    expect(queue.data.map((x) => x.id)).toEqual([a.id, b.id]);

    // Only b changes (a is already approved by then): one row for it, none for a.
    await updateAssets({ access: admin, assets: [a], input: { approvalStatus: "approved" } });
    await updateAssets({ access: admin, assets: [a, b], input: { approvalStatus: "approved" } });
    const approved = await db.asset.findUniqueOrThrow({ where: { id: a.id } });
    // An editor can't quietly reopen a decision.
    expect(await outcome(updateAssets({ access: editor, assets: [approved], input: { approvalStatus: "none" } }))).toBe("forbidden");
    // Favourites and ratings stay an editor's to set on approved work.
    await updateAssets({ access: editor, assets: [approved], input: { favourite: true } });

    const history = await listReviewHistory({ assetId: a.id });
    expect(history.map((h) => [h.from, h.to, h.actor?.id])).toEqual([
      ["pending", "approved", world.people.admin.id],
      ["none", "pending", world.people.editor.id],
    ]);
    expect((await listReviewHistory({ assetId: b.id })).map((h) => h.to)).toEqual(["approved", "pending"]);
    expect((await listReviewQueue({ projectId, teamId: world.team.id })).data).toEqual([]);
  });

  it("threads one level deep, notifies and emails mentioned members once, and refuses mentions of people who can't see the image", async () => {
    const a = await asset(world.team.id, projectId);
    const editor = await world.accessOf("editor");
    const viewerEmail = world.people.viewer.email;

    const first = await addComment({ access: editor, asset: a, input: { body: `Warmer light? @${viewerEmail.toUpperCase()} what do you think.` } });
    expect(first.mentions).toEqual([{ id: world.people.viewer.id, email: viewerEmail }]);
    const reply = await addComment({ access: await world.accessOf("viewer"), asset: a, input: { body: "Agreed.", parentId: first.id } });
    expect(await outcome(addComment({ access: editor, asset: a, input: { body: "deeper", parentId: reply.id } }))).toBe("validation_failed");

    const inbox = await listNotifications({ userId: world.people.viewer.id, teamId: world.team.id });
    expect(inbox.unread).toBe(1);
    expect(inbox.data[0]).toMatchObject({ kind: "comment.mention", href: `/projects/${projectId}/assets/${a.id}`, read: false });
    expect(inbox.data[0]!.body).toContain("Warmer light?");
    const ids = inbox.data.map((n) => n.id);
    expect(await emailJobs(ids)).toBe(1);

    // The job's work: sent once, however often it runs.
    await emailNotification({ notificationId: ids[0]! });
    const emailedAt = (await db.notification.findUniqueOrThrow({ where: { id: ids[0]! } })).emailedAt;
    expect(emailedAt).not.toBeNull();
    await emailNotification({ notificationId: ids[0]! });
    expect((await db.notification.findUniqueOrThrow({ where: { id: ids[0]! } })).emailedAt).toEqual(emailedAt);

    // Someone outside the team, and a member not named on a restricted project: 422, and nothing written.
    const stranger = (await createUser()).user;
    const restricted = await createProjectRow({ teamId: world.team.id, restricted: true });
    const hidden = await asset(world.team.id, restricted.id);
    const before = await db.assetComment.count();
    expect(await outcome(addComment({ access: editor, asset: a, input: { body: `@${stranger.email} look` } }))).toBe("validation_failed");
    expect(await outcome(addComment({ access: await world.accessOf("admin"), asset: hidden, input: { body: `@${viewerEmail} look` } }))).toBe("validation_failed");
    expect(await db.assetComment.count()).toBe(before);

    await markNotificationsRead({ userId: world.people.viewer.id, teamId: world.team.id });
    expect((await listNotifications({ userId: world.people.viewer.id, teamId: world.team.id })).unread).toBe(0);
    // Someone who left the team sees none of its notifications.
    const leaver = (await createUser()).user;
    await addMember({ teamId: world.team.id, userId: leaver.id, role: "editor" });
    await addComment({ access: editor, asset: a, input: { body: `@${leaver.email} hi` } });
    expect((await listNotifications({ userId: leaver.id, teamId: world.team.id })).unread).toBe(1);
    await db.membership.deleteMany({ where: { teamId: world.team.id, userId: leaver.id } });
    expect(await listNotifications({ userId: leaver.id, teamId: world.team.id })).toEqual({ data: [], unread: 0 });
  });

  it("lets authors and project managers delete a comment, keeping its replies in the thread", async () => {
    const a = await asset(world.team.id, projectId);
    const editor = await world.accessOf("editor");
    const top = await addComment({ access: editor, asset: a, input: { body: "Crop tighter." } });
    await addComment({ access: await world.accessOf("owner"), asset: a, input: { body: "Done in v2.", parentId: top.id } });
    expect(await outcome(deleteComment({ access: await world.accessOf("viewer"), asset: a, commentId: top.id }))).toBe("forbidden");
    await deleteComment({ access: editor, asset: a, commentId: top.id });
    const thread = await listComments({ assetId: a.id });
    expect(thread.map((c) => [c.parentId === null, c.deleted, c.body])).toEqual([
      [true, true, ""],
      [false, false, "Done in v2."],
    ]);
  });
});
