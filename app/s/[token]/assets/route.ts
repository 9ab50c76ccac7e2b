// GET /s/:token/assets?cursor=… - the next page of a share link's images, for the share page as the client scrolls
import { NextResponse } from "next/server";
import { withShareLink } from "@/lib/http/with-share-link";
import { shareGalleryPage } from "@/lib/share/share-gallery";

// Same rules as the page: only the link's own set, recipes only when it shows prompts. Not a view (the page counts
// those); not cached, so a revoked or expired link stops paging on the next request.
export const GET = withShareLink(async ({ request, link }) => {
  const cursor = new URL(request.url).searchParams.get("cursor");
  const page = await shareGalleryPage(link, cursor);
  return NextResponse.json({ data: page }, { headers: { "cache-control": "private, no-store" } });
});
