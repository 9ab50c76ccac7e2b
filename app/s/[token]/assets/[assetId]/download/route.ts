// GET /s/:token/assets/:assetId/download - count a download and redirect to the original as an attachment
import { NextResponse } from "next/server";
import { withShareLink } from "@/lib/http/with-share-link";
import { shareDownloadUrl } from "@/lib/share/share-download-url";

export const GET = withShareLink(async ({ params, link }) => {
  const url = await shareDownloadUrl({ link, assetId: params.assetId ?? "" });
  return NextResponse.redirect(url, { status: 302, headers: { "cache-control": "no-store" } });
});
