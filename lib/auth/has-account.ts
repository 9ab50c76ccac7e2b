import { db } from "@/lib/db";

/** Whether someone already signed up with this address (the invitation page asks them to sign in instead). */
export async function hasAccount(options: { email: string }): Promise<boolean> {
  return (await db.user.findUnique({ where: { email: options.email }, select: { id: true } })) !== null;
}
