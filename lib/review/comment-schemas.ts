import { z } from "zod";

// What the comment routes accept and return. Mentions are written in the body as @ followed by a member's email
// address (`@ana@studio.example`): plain text that reads well in an email too, and unambiguous to resolve.

export const COMMENT_MAX = 4000;

export const addCommentInput = z.object({
  body: z.string().trim().min(1, "Write something first.").max(COMMENT_MAX, `At most ${COMMENT_MAX} characters.`),
  /** A top-level comment of the same image to reply to (threads are one level deep). */
  parentId: z.string().min(1).max(100).optional(),
});
export type AddCommentInput = z.infer<typeof addCommentInput>;

export type CommentDto = {
  id: string;
  assetId: string;
  parentId: string | null;
  /** Null for a client's comment through a share link: `guestName` is the name they gave. */
  author: { id: string; name: string | null; email: string } | null;
  guestName: string | null;
  /** Empty once deleted (the row stays so its replies keep their thread). */
  body: string;
  mentions: { id: string; email: string }[];
  createdAt: string;
  deleted: boolean;
};

export type ReviewEventDto = {
  id: string;
  from: string;
  to: string;
  actor: { id: string; name: string | null; email: string } | null;
  /** A client deciding through a share link: the name they gave. */
  guestName: string | null;
  viaApiKey: boolean;
  at: string;
};

export type NotificationDto = { id: string; kind: string; title: string; body: string; href: string; read: boolean; createdAt: string };

const MENTION = /(?:^|[\s(])@([^\s@()<>,;:"]+@[^\s@()<>,;:"]+\.[A-Za-z]{2,})/g;

/** The distinct email addresses mentioned in a comment body, lower-cased, in order of first mention. */
export function mentionedEmails(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(MENTION)) found.add(match[1]!.toLowerCase().replace(/[.]+$/, ""));
  return [...found];
}
