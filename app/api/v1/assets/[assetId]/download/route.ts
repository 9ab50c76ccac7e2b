// GET /api/v1/assets/:assetId/download[?format=png|jpeg|webp&size=N] - the original, or a copy converted by the server
import { NextResponse } from "next/server";
import { withAsset } from "@/lib/http/with-asset";
import { downloadQuery } from "@/lib/assets/asset-schemas";
import { downloadName } from "@/lib/assets/asset-urls";
import { presignWindowed } from "@/lib/assets/presign-windowed";
import { convertAssetImage } from "@/lib/assets/convert-asset-image";

export const GET = withAsset("project.read", async ({ request, asset }) => {
  const query = downloadQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.format && !query.size) {
    // The original needs no work from us: S3 serves it as an attachment through this window's presigned URL.
    const url = await presignWindowed(asset.storageKey, { downloadName: downloadName(asset) });
    return NextResponse.redirect(url, { status: 302, headers: { "cache-control": "private, no-store" } });
  }
  const { body, contentType, filename } = await convertAssetImage({ asset, format: query.format ?? (asset.format === "jpeg" ? "jpeg" : asset.format === "webp" ? "webp" : "png"), size: query.size });
  return new NextResponse(new Uint8Array(body), {
    headers: { "content-type": contentType, "content-disposition": `attachment; filename="${filename}"`, "cache-control": "private, no-store" },
  });
});
