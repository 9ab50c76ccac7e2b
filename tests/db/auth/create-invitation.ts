import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";

/** An invitation row as the invitations feature stores it (only the token's hash), pending unless told otherwise. */
export async function createInvitation(options: {
  teamId: string;
  email: string;
  expiresAt?: Date;
  acceptedAt?: Date | null;
  revokedAt?: Date | null;
}) {
  return db.invitation.create({
    data: {
      id: createId("invitation"),
      teamId: options.teamId,
      email: options.email.toLowerCase(),
      role: "editor",
      tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      expiresAt: options.expiresAt ?? new Date(Date.now() + 7 * 24 * 3600 * 1000),
      acceptedAt: options.acceptedAt ?? null,
      revokedAt: options.revokedAt ?? null,
    },
  });
}
