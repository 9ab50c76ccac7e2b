import { z } from "zod";
import { UPLOAD_CONTENT_TYPES, UPLOAD_MAX_BYTES } from "@/lib/uploads/upload-rules";

export const createUploadInput = z.object({
  contentType: z.enum(UPLOAD_CONTENT_TYPES, { error: "Upload a PNG or JPEG image (the providers take no other reference format)." }),
  bytes: z
    .number()
    .int()
    .min(1, "The file is empty.")
    .max(UPLOAD_MAX_BYTES, `The file is larger than ${UPLOAD_MAX_BYTES / 1_000_000} MB.`),
  filename: z.string().max(255).optional(),
});
export type CreateUploadInput = z.infer<typeof createUploadInput>;
