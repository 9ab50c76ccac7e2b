import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import { enqueueMany } from "@/lib/jobs/enqueue";
import { emailNotificationJob } from "@/lib/jobs/contracts/email-notification";
import type { Asset } from "@/lib/generated/prisma/client";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { mentionedEmails, type AddCommentInput } from "@/lib/review/comment-schemas";
import { mentionableMembers } from "@/lib/review/mentionable-members";
import { prismaJobExecutor } from "@/lib/review/prisma-job-executor";
import { toCommentDto } from "@/lib/review/comment-dto";

/**
 * Adds a comment to an image the caller may read (getAssetOrThrow with "project.read": viewers comment too — a
 * client's account manager reviewing work is often one). Each member mentioned as @email who can read the project
 * gets a notification in the studio and, by a job committed with it, an email; mentioning anyone else is a 422 naming
 * them, so a typo never silently notifies nobody.
 */
export async function addComment(options: { access: TeamAccess; asset: Asset; input: AddCommentInput }) {
  const { access, asset, input } = options;
  const authorId = access.actorUserId;
  if (!authorId) throw new AppError("forbidden", "Comments are written by people: this API key has no member behind it.");
  if (input.parentId) {
    const parent = await db.assetComment.findUnique({ where: { id: input.parentId }, select: { assetId: true, parentId: true } });
    if (!parent || parent.assetId !== asset.id) {
      throw new AppError("validation_failed", "That comment is not on this image.", { fields: { parentId: "Not a comment on this image." } });
    }
    if (parent.parentId) {
      throw new AppError("validation_failed", "Reply to the thread's first comment.", { fields: { parentId: "Threads are one level deep." } });
    }
  }
  const emails = mentionedEmails(input.body);
  const members = emails.length ? await mentionableMembers({ teamId: asset.teamId, projectId: asset.projectId }) : [];
  const byEmail = new Map(members.map((m) => [m.email, m]));
  const unknown = emails.filter((e) => !byEmail.has(e));
  if (unknown.length) {
    throw new AppError("validation_failed", `${unknown.join(", ")} can't be mentioned here: not a member who can see this project.`, {
      fields: { body: `Not a member who can see this project: ${unknown.join(", ")}` },
    });
  }
  const mentioned = emails.map((e) => byEmail.get(e)!).filter((m) => m.id !== authorId);
  const author = await db.user.findUniqueOrThrow({ where: { id: authorId }, select: { name: true, email: true } });
  const href = `/projects/${asset.projectId}/assets/${asset.id}`;
  const excerpt = input.body.length > 280 ? `${input.body.slice(0, 279)}…` : input.body;

  const comment = await db.$transaction(async (tx) => {
    const created = await tx.assetComment.create({
      data: {
        id: createId("comment"),
        teamId: asset.teamId,
        projectId: asset.projectId,
        assetId: asset.id,
        parentId: input.parentId ?? null,
        authorId,
        body: input.body,
        mentionedUserIds: mentioned.map((m) => m.id),
      },
      include: { author: { select: { id: true, name: true, email: true } } },
    });
    const notifications = mentioned.map((m) => ({
      id: createId("notification"),
      teamId: asset.teamId,
      userId: m.id,
      kind: "comment.mention",
      title: `${author.name ?? author.email} mentioned you on an image`,
      body: excerpt,
      href,
    }));
    if (notifications.length) {
      await tx.notification.createMany({ data: notifications });
      await enqueueMany(
        emailNotificationJob,
        notifications.map((n) => ({ payload: { notificationId: n.id }, singletonKey: n.id })),
        { executor: prismaJobExecutor(tx) },
      );
    }
    return created;
  });
  return toCommentDto(comment, new Map(mentioned.map((m) => [m.id, m.email])));
}
