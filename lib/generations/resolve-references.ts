import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { z } from "zod";
import type { referenceInput } from "@/lib/generations/generation-schemas";
import { importReferenceUrl } from "@/lib/generations/import-reference-url";
import { checkInputImage } from "@/lib/kling/input-image";

export type ResolvedReference = {
  position: number;
  assetId: string | null;
  storageKey: string;
  sourceUrl: string | null;
  width?: number;
  height?: number;
};

/**
 * Turns request references into images we hold: our own assets (same team, not in the trash) or outside URLs
 * fetched through the SSRF guard and copied into our storage. Another team's asset id is "not found", never used.
 */
export async function resolveReferences(options: { teamId: string; references: z.infer<typeof referenceInput>[] }) {
  const resolved: ResolvedReference[] = [];
  for (const [position, ref] of options.references.entries()) {
    if ("assetId" in ref) {
      const asset = await db.asset.findFirst({ where: { id: ref.assetId, teamId: options.teamId, deletedAt: null } });
      if (!asset) {
        throw new AppError("validation_failed", "A reference image was not found.", {
          fields: { [`references.${position}.assetId`]: "No such image in this team." },
        });
      }
      // Providers take only JPEG/PNG up to 10 MB: a WebP or 4K PNG from our gallery is refused here, not by them.
      const broken = checkInputImage({ format: asset.format, bytes: asset.bytes, width: asset.width, height: asset.height });
      if (broken) {
        throw new AppError("validation_failed", "A reference image does not meet the input rules.", {
          fields: { [`references.${position}.assetId`]: Object.values(broken)[0]! },
        });
      }
      resolved.push({ position, assetId: asset.id, storageKey: asset.storageKey, sourceUrl: null, width: asset.width, height: asset.height });
    } else {
      const imported = await importReferenceUrl({ teamId: options.teamId, url: ref.url, field: `references.${position}.url` });
      resolved.push({ position, assetId: null, sourceUrl: ref.url, ...imported });
    }
  }
  return resolved;
}
