import { requireUserId } from "@/lib/auth/current-user";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import type { Caller } from "@/lib/http/caller";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Session cookie or API key; throws 401 when neither is present and valid. */
export async function authenticate(request: Request, options: { allowApiKey: boolean }): Promise<Caller> {
  const header = request.headers.get("authorization");
  if (header?.startsWith("Bearer ")) {
    if (!options.allowApiKey) throw new AppError("unauthorized", "This route needs a signed-in session.");
    return authenticateApiKey(header.slice("Bearer ".length).trim());
  }
  const userId = await requireUserId();
  assertSameOrigin(request);
  return { kind: "user", userId };
}

// Cookies ride along on cross-site requests; a mutation carrying a session must come from our own pages.
function assertSameOrigin(request: Request) {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "same-origin") return;
  const allowed = new URL(env().APP_URL).origin;
  if (origin !== allowed && origin !== new URL(request.url).origin) {
    throw new AppError("forbidden", "Cross-site requests are not allowed.");
  }
}
