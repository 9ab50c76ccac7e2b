import { AppError } from "@/lib/errors";
import { MAX_ELEMENT_UPLOAD_BYTES } from "@/lib/elements/store-element-upload";

// A multipart body holding one image in `file`. The body is capped while it streams (the image's limit plus room for
// the multipart framing) so nobody can make us buffer more than one allowed image; the image's own checks follow in
// storeElementUpload.
const MAX_BODY_BYTES = MAX_ELEMENT_UPLOAD_BYTES + 64 * 1024;

export async function readElementUpload(request: Request): Promise<Buffer> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("unsupported_media_type", "Send the image as multipart/form-data in a field named file.");
  }
  if (Number(request.headers.get("content-length")) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const next = reader ? await reader.read() : { done: true as const, value: undefined };
    if (next.done) break;
    size += next.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader!.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request", "The multipart body could not be read.");
  }
  const file = form.get("file");
  if (!file || typeof file === "string") {
    throw new AppError("validation_failed", "Choose an image.", { fields: { file: "Choose a JPEG or PNG image." } });
  }
  return Buffer.from(await file.arrayBuffer());
}

function tooLarge() {
  return new AppError("payload_too_large", "The image is larger than 10 MB.", { fields: { file: "The image is larger than 10 MB." } });
}
