import { cache } from "react";
import { auth } from "@/lib/auth/auth";

/** The signed-in user of this request, or null. Cached per request so layouts and pages share one lookup. */
export const currentUser = cache(async () => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return { id, email: session.user?.email ?? "", name: session.user?.name ?? null };
});
