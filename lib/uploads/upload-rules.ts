import { INPUT_IMAGE_RULES } from "@/lib/kling/input-image";

// What a reference upload may be: the providers' input rules (lib/kling/input-image.ts). Checked when the upload is
// signed (the POST policy binds the type and the size range) and again on the stored object before it is used,
// because a store may not enforce a POST policy's conditions and a browser's declared type proves nothing.
export const UPLOAD_MAX_BYTES = INPUT_IMAGE_RULES.maxBytes;
export const UPLOAD_CONTENT_TYPES = ["image/png", "image/jpeg"] as const;
export const UPLOAD_EXPIRES_SECONDS = 300;

export function pendingUploadKey(options: { teamId: string; uploadId: string }) {
  return `teams/${options.teamId}/incoming/${options.uploadId}`;
}
