// GET /s/:token/assets/:assetId/image?size=small|large|original - redirect to the presigned URL of an image of the link
import { NextResponse } from "next/server";
import { imageQuery } from "@/lib/assets/asset-schemas";
import { withShareLink } from "@/lib/http/with-share-link";
import { shareImageUrl } from "@/lib/share/share-image-url";

// Not cached: a revoked or expired link stops handing out URLs on the next request (a URL already handed out lasts
// its presigning window, lib/assets/presign-windowed.ts).
export const GET = withShareLink(async ({ request, params, link }) => {
  const { size } = imageQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const url = await shareImageUrl({ link, assetId: params.assetId ?? "", size });
  return NextResponse.redirect(url, { status: 302, headers: { "cache-control": "private, no-cache" } });
});
