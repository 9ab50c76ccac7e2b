import { z } from "zod";

// What the studio sends to create a link. Expiry is a choice of days (0 = never) so the form needs no date picker
// and the server decides the instant in UTC.
export const SHARE_EXPIRY_DAYS = [1, 7, 30, 90, 0] as const;

export const createShareLinkInput = z
  .object({
    name: z.string().trim().min(1, "Give the link a name you'll recognise.").max(120, "At most 120 characters."),
    expiresInDays: z.coerce.number().int().refine((d) => (SHARE_EXPIRY_DAYS as readonly number[]).includes(d), "Pick one of the offered expiries."),
    password: z.string().max(200, "At most 200 characters.").optional(),
    allowDownload: z.boolean().default(false),
    showPrompts: z.boolean().default(false),
    allowApprove: z.boolean().default(false),
    allowComment: z.boolean().default(false),
    collectionId: z.string().min(1).max(100).optional(),
    assetIds: z.array(z.string().min(1).max(100)).max(500, "At most 500 images per link.").optional(),
  })
  .refine((v) => !v.password || v.password.length >= 6, { path: ["password"], message: "At least 6 characters, or leave it empty." })
  .refine((v) => Boolean(v.collectionId) !== Boolean(v.assetIds?.length), { path: ["assetIds"], message: "Share a collection or a selection of images." });
export type CreateShareLinkInput = z.infer<typeof createShareLinkInput>;

export const guestNameSchema = z.string().trim().min(1, "Tell us your name.").max(80, "At most 80 characters.");

export const guestCommentInput = z.object({
  name: guestNameSchema,
  body: z.string().trim().min(1, "Write something first.").max(4000, "At most 4000 characters."),
});

export const guestApprovalInput = z.object({ name: guestNameSchema, status: z.enum(["approved", "rejected"]) });

export type ShareLinkDto = {
  id: string;
  name: string;
  url: string;
  scope: { kind: "collection"; collectionId: string; collectionName: string } | { kind: "selection"; assetCount: number };
  passwordProtected: boolean;
  expiresAt: string | null;
  allowDownload: boolean;
  showPrompts: boolean;
  allowApprove: boolean;
  allowComment: boolean;
  viewCount: number;
  downloadCount: number;
  lastViewedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  status: "active" | "expired" | "revoked";
};
