import { downloadZip } from "client-zip";
import type { Asset } from "@/lib/generated/prisma/client";
import { downloadName } from "@/lib/assets/asset-urls";
import { readAssetObject } from "@/lib/assets/read-asset-object";

/**
 * A ZIP of the assets' originals, built while it is sent: entries are stored (images are already compressed), each
 * original is fetched from S3 only when the archive reaches it and flows through in chunks, so memory stays flat and
 * nothing is written to disk whatever the number of assets. The stream is pulled by the response, so a slow client
 * slows the S3 reads instead of buffering.
 */
export function zipAssets(assets: Pick<Asset, "id" | "format" | "storageKey" | "createdAt">[]): ReadableStream<Uint8Array> {
  async function* entries() {
    for (const asset of assets) {
      yield { name: downloadName(asset), lastModified: asset.createdAt, input: await readAssetObject(asset.storageKey) };
    }
  }
  return downloadZip(entries()).body!;
}
