// GET|POST /api/auth/* - Auth.js endpoints (magic-link and OIDC callbacks, sign-out)
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/respond";

export const { GET } = handlers;

// Magic links are requested only through the sign-in page's server action, which applies the per-email and
// per-IP limits (lib/auth/magic-link-limits.ts); Auth.js's own endpoint would mail them without any.
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/signin/email")) return errorResponse(new AppError("not_found", "Not found."));
  return handlers.POST(request);
}
