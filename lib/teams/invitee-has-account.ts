import { db } from "@/lib/db";

/**
 * Whether the person an invitation was sent to already has an account (the invite page then asks them to sign in
 * instead of creating one). Takes the invitation as found by its token, so it answers only for that one address.
 */
export async function inviteeHasAccount(options: { invitation: { email: string } }): Promise<boolean> {
  return (await db.user.findUnique({ where: { email: options.invitation.email }, select: { id: true } })) !== null;
}
