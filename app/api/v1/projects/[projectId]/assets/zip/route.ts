// POST /api/v1/projects/:projectId/assets/zip - a ZIP of up to 500 assets' originals, streamed as it is built (any member)
import { NextResponse } from "next/server";
import { readCapped, readJson } from "@/lib/http/read-json";
import { withProject } from "@/lib/http/with-project";
import { zipAssetsInput } from "@/lib/assets/asset-schemas";
import { getAssetsOrThrow } from "@/lib/assets/get-assets-or-throw";
import { zipAssets } from "@/lib/assets/zip-assets";

// POST because 500 ids don't fit a URL. A plain HTML form may send them (field `assetIds`, repeated or comma-separated)
// so the browser downloads the stream straight to disk.
export const POST = withProject("project.read", async ({ request, access, project }) => {
  const input = zipAssetsInput.parse(await readIds(request));
  const { assets } = await getAssetsOrThrow({ caller: access.caller, assetIds: input.assetIds, permission: "project.read", projectId: project.id });
  const name = `${project.name.replace(/[^\w.-]+/g, "-").slice(0, 60) || "assets"}-${assets.length}.zip`;
  return new NextResponse(zipAssets(assets), {
    headers: { "content-type": "application/zip", "content-disposition": `attachment; filename="${name}"`, "cache-control": "private, no-store" },
  });
});

async function readIds(request: Request): Promise<unknown> {
  if (request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) {
    // Capped like JSON bodies (lib/http/read-json.ts): 500 ids are ~20 KB.
    const form = new URLSearchParams(await readCapped(request));
    return { assetIds: form.getAll("assetIds").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean) };
  }
  return readJson(request);
}
