import { createHash } from "node:crypto";
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { checkInputImage, INPUT_IMAGE_RULES } from "@/lib/kling/input-image";
import { guardedFetch } from "@/lib/outbound/guarded-fetch";
import { GuardedFetchError } from "@/lib/outbound/guarded-fetch-error";
import { uploadKey } from "@/lib/storage/object-keys";
import { putObjectOnce } from "@/lib/storage/put-object-once";

const PER_DOWNLOAD_TIMEOUT_MS = 15_000;

/**
 * Fetches a reference image a caller gave as a URL — only through the SSRF guard — checks it against the input
 * rules (format, size, dimensions, aspect) and keeps a copy in our storage, so the provider reads our copy and a
 * re-run never depends on the outside URL still working.
 */
export async function importReferenceUrl(options: {
  teamId: string;
  url: string;
  field: string;
  /** Epoch ms by which the download must be done (the request's shared deadline for all its references). */
  deadline?: number;
}) {
  const { field } = options;
  let body: Buffer;
  try {
    const timeoutMs = Math.max(1, Math.min(PER_DOWNLOAD_TIMEOUT_MS, (options.deadline ?? Infinity) - Date.now()));
    const response = await guardedFetch(options.url, { maxBytes: INPUT_IMAGE_RULES.maxBytes + 1, timeoutMs });
    if (response.status !== 200) throw new AppError("validation_failed", "A reference image could not be downloaded.", { fields: { [field]: `The server answered ${response.status}.` } });
    body = response.body;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof GuardedFetchError ? describe(error) : "It could not be downloaded.";
    throw new AppError("validation_failed", "A reference image could not be used.", { fields: { [field]: reason } });
  }
  const meta = await sharp(body).metadata().catch(() => null);
  const format = meta?.format === "jpeg" || meta?.format === "png" ? meta.format : null;
  const errors = checkInputImage({ format: format ?? meta?.format ?? "unknown", bytes: body.length, width: meta?.width ?? 0, height: meta?.height ?? 0 });
  if (errors || !format || !meta?.width || !meta.height) {
    throw new AppError("validation_failed", "A reference image does not meet the input rules.", {
      fields: { [field]: Object.values(errors ?? {})[0] ?? "Not a JPEG or PNG image." },
    });
  }
  const sha256 = createHash("sha256").update(body).digest("hex");
  const storageKey = uploadKey({ teamId: options.teamId, sha256, format: format === "jpeg" ? "jpg" : "png" });
  await putObjectOnce({ key: storageKey, body, contentType: `image/${format}` });
  return { storageKey, width: meta.width, height: meta.height };
}

function describe(error: GuardedFetchError): string {
  switch (error.kind) {
    case "blocked_address":
      return "That address is not reachable from here (private or local network).";
    case "too_large":
      return "The image is larger than 10 MB.";
    case "timeout":
      return "The download did not finish in time (a request's reference images share one time limit).";
    case "bad_url":
      return "That is not an http(s) URL.";
    default:
      return "It could not be downloaded.";
  }
}
