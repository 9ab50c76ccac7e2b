// GET /api/v1/assets/:assetId/image?size=small|large|original - redirect to the image's presigned URL of this window
import { NextResponse } from "next/server";
import { withAsset } from "@/lib/http/with-asset";
import { imageQuery } from "@/lib/assets/asset-schemas";
import { imageKey } from "@/lib/assets/asset-urls";
import { presignWindowed, signingWindow } from "@/lib/assets/presign-windowed";

// An <img> pointed here never breaks however long a tab stays open: each request is authenticated and answered with
// the current window's URL, which is the same all window long (so the image itself is cached), and the redirect is
// cached privately only until the window ends, while the URL it names stays valid a window longer.
export const GET = withAsset("project.read", async ({ request, asset }) => {
  const { size } = imageQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const now = Date.now();
  const window = signingWindow(now);
  const url = await presignWindowed(imageKey(asset, size), { now });
  const maxAge = Math.max(0, Math.floor((window.signedAt.getTime() + window.windowSeconds * 1000 - now) / 1000));
  return NextResponse.redirect(url, { status: 302, headers: { "cache-control": `private, max-age=${maxAge}` } });
});
