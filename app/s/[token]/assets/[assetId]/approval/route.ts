// POST /s/:token/assets/:assetId/approval - a client approves or rejects an image through a link that allows it
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { requireJsonRequest, withShareLink } from "@/lib/http/with-share-link";
import { guestApprovalInput } from "@/lib/share/share-link-schemas";
import { setGuestApproval } from "@/lib/share/guest-approval";

export const POST = withShareLink(async ({ request, params, link }) => {
  if (!requireJsonRequest(request)) throw new AppError("unsupported_media_type", "Send JSON.");
  const input = guestApprovalInput.parse(await readJson(request));
  return json({ data: await setGuestApproval({ link, assetId: params.assetId ?? "", ...input }) });
});
