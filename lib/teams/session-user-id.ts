import { auth } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";

/** The signed-in person behind a server action, or a 401-style AppError. */
export async function sessionUserId(): Promise<string> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) throw new AppError("unauthorized", "Sign in to continue.");
  return userId;
}
