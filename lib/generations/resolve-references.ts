import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { z } from "zod";
import type { referenceInput } from "@/lib/generations/generation-schemas";
import { importReferenceUrl } from "@/lib/generations/import-reference-url";
import { checkInputImage } from "@/lib/kling/input-image";
import { readableProjectIds } from "@/lib/projects/readable-project-ids";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

export type ResolvedReference = {
  position: number;
  assetId: string | null;
  storageKey: string;
  sourceUrl: string | null;
  width?: number;
  height?: number;
};

/**
 * All of a request's outside reference URLs share this much time, fetched at once: one slow origin per reference
 * used to hold a request for ten times the per-download timeout. A reference still downloading at the deadline is
 * refused by name (its field), never waited for.
 */
export const REFERENCE_DEADLINE_MS = 20_000;

/**
 * Turns request references into images we hold: our own assets (of a project the caller may read, not in the
 * trash) or outside URLs fetched through the SSRF guard and copied into our storage. An asset the caller may not
 * read — another team's, a restricted project's they are not named on, outside an API key's scope — is "not
 * found", never used.
 */
export async function resolveReferences(options: {
  access: TeamAccess;
  references: z.infer<typeof referenceInput>[];
  /** Total time for the outside URLs; REFERENCE_DEADLINE_MS unless a caller needs less. */
  deadlineMs?: number;
}) {
  const { access } = options;
  const resolved: ResolvedReference[] = [];
  const assetRefs = options.references.flatMap((ref, position) => ("assetId" in ref ? [{ position, assetId: ref.assetId }] : []));
  const assets = await readableAssets({ access, assetIds: assetRefs.map((r) => r.assetId) });
  for (const { position, assetId } of assetRefs) {
    const asset = assets.get(assetId);
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
  }

  const deadline = Date.now() + (options.deadlineMs ?? REFERENCE_DEADLINE_MS);
  const urlRefs = options.references.flatMap((ref, position) => ("url" in ref ? [{ position, url: ref.url }] : []));
  const imports = await Promise.allSettled(
    urlRefs.map(async ({ position, url }) => {
      const imported = await importReferenceUrl({ teamId: access.teamId, url, field: `references.${position}.url`, deadline });
      return { position, assetId: null, sourceUrl: url, ...imported } satisfies ResolvedReference;
    }),
  );
  // Every reference that failed is named, not just the first to fail.
  const failures = imports.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  if (failures.length > 0) {
    const unexpected = failures.find((f) => !(f instanceof AppError));
    if (unexpected) throw unexpected;
    const errors = failures as AppError[];
    throw new AppError("validation_failed", errors[0]!.message, { fields: Object.assign({}, ...errors.map((e) => e.fields ?? {})) as Record<string, string> });
  }
  for (const r of imports) if (r.status === "fulfilled") resolved.push(r.value);
  return resolved.sort((a, b) => a.position - b.position);
}

/** The team's live assets among `assetIds` whose project the caller may read, by id. */
async function readableAssets(options: { access: TeamAccess; assetIds: string[] }) {
  if (options.assetIds.length === 0) return new Map<string, never>();
  const rows = await db.asset.findMany({ where: { id: { in: options.assetIds }, teamId: options.access.teamId, deletedAt: null } });
  const readable = await readableProjectIds({ access: options.access, projectIds: rows.map((a) => a.projectId) });
  return new Map(rows.filter((a) => readable.has(a.projectId)).map((a) => [a.id, a]));
}

/**
 * For inputs already in our storage (a re-run's): the asset-backed ones must still be readable by this caller — the
 * original may predate a restriction, or have been made by someone who could see a project this caller cannot.
 */
export async function checkStoredReferences(options: { access: TeamAccess; references: ResolvedReference[] }) {
  const ids = options.references.flatMap((r) => (r.assetId ? [r.assetId] : []));
  const readable = await readableAssets({ access: options.access, assetIds: ids });
  const missing = options.references.find((r) => r.assetId && !readable.has(r.assetId));
  if (missing) {
    throw new AppError("validation_failed", "A reference image of the original generation is not available to you.", {
      fields: { [`references.${missing.position}.assetId`]: "No such image in this team." },
    });
  }
}
