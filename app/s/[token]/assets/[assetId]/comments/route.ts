// POST /s/:token/assets/:assetId/comments - a client comments on an image, under the name they give
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { requireJsonRequest, withShareLink } from "@/lib/http/with-share-link";
import { guestCommentInput } from "@/lib/share/share-link-schemas";
import { addGuestComment } from "@/lib/share/guest-comment";

export const POST = withShareLink(async ({ request, params, link }) => {
  if (!requireJsonRequest(request)) throw new AppError("unsupported_media_type", "Send JSON.");
  const input = guestCommentInput.parse(await readJson(request));
  return json({ data: await addGuestComment({ link, assetId: params.assetId ?? "", ...input }) }, { status: 201 });
});
