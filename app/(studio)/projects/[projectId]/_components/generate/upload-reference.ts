import type { PickedReference } from "../../reference-picker";

type ApiError = { error?: { message?: string; fields?: Record<string, string> } };

async function post<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });
  const data = (await res.json().catch(() => null)) as (T & ApiError) | null;
  if (!res.ok) {
    // The field's own sentence says what to fix ("Upload a PNG or JPEG image…"); the summary is the fallback.
    const fields = data?.error?.fields ?? {};
    throw new Error(Object.values(fields)[0] ?? data?.error?.message ?? `The upload failed (${res.status}).`);
  }
  return data as T;
}

/**
 * One reference image from disk into the project: the server signs a POST for exactly this type and size, the browser
 * sends the bytes straight to storage with it (never through the app), and the server then checks what arrived and
 * makes it an asset, which the generate form names by id like any gallery image.
 */
export async function uploadReference(options: { projectId: string; file: File }): Promise<PickedReference> {
  const { projectId, file } = options;
  const signed = await post<{ uploadId: string; url: string; fields: Record<string, string> }>(`/api/v1/projects/${projectId}/uploads`, {
    contentType: file.type,
    bytes: file.size,
    filename: file.name.slice(0, 255),
  });
  const form = new FormData();
  for (const [name, value] of Object.entries(signed.fields)) form.append(name, value);
  form.append("file", file); // S3 reads fields only up to the file: it goes last
  const stored = await fetch(signed.url, { method: "POST", body: form }).catch(() => null);
  if (!stored?.ok) throw new Error("Storage refused the upload. Try again, or pick the image from the gallery.");
  const asset = await post<{ assetId: string; thumbUrl: string }>(`/api/v1/projects/${projectId}/uploads/${signed.uploadId}`);
  return { assetId: asset.assetId, thumbUrl: asset.thumbUrl };
}
