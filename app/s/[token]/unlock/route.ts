// POST /s/:token/unlock - check a share link's password; the right one sets the cookie that opens the link
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { requireJsonRequest } from "@/lib/http/with-share-link";
import { unlockShareLink } from "@/lib/share/unlock-share-link";
import { unlockCookieOptions, UNLOCK_COOKIE } from "@/lib/share/share-token";

const body = z.object({ password: z.string().max(1000) });

export const POST = route(async (request, params) => {
  if (!requireJsonRequest(request)) throw new AppError("unsupported_media_type", "Send JSON.");
  const { password } = body.parse(await readJson(request));
  const token = params.token ?? "";
  const { cookie } = await unlockShareLink({ token, password });
  const response = json({ data: { unlocked: true } });
  if (cookie) {
    response.cookies.set(UNLOCK_COOKIE, cookie, unlockCookieOptions(token));
  }
  return response;
});
