import { cache } from "react";
import { auth } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import type { Caller } from "@/lib/http/caller";

// The one way to ask who is signed in: pages and layouts read `currentUser()` (null when nobody is), server actions
// and lib functions that need someone use `requireUserId()` / `sessionCaller()`, and API routes go through
// `authenticate` (lib/http/authenticate.ts), whose session branch is `requireUserId()` too.

/** The signed-in user of this request, or null. Cached per request so layouts and pages share one lookup. */
export const currentUser = cache(async () => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return { id, email: session.user?.email ?? "", name: session.user?.name ?? null };
});

/** The signed-in person's id, or a 401-style AppError. */
export async function requireUserId(): Promise<string> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return user.id;
}

/** The signed-in person as a Caller, for lib functions that check access for sessions and API keys alike. */
export async function sessionCaller(): Promise<Extract<Caller, { kind: "user" }>> {
  return { kind: "user", userId: await requireUserId() };
}
