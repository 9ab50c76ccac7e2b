// The share page's calls to its own token-checked routes (app/s/[token]/…). Errors come back in the API's shape.
export type ShareCallResult<T> = { ok: true; data: T } | { ok: false; message: string; fields?: Record<string, string> };

export async function shareCall<T>(path: string, body: unknown): Promise<ShareCallResult<T>> {
  try {
    const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = (await res.json().catch(() => null)) as { data?: T; error?: { message: string; fields?: Record<string, string> } } | null;
    if (res.ok && json && "data" in json) return { ok: true, data: json.data as T };
    return { ok: false, message: json?.error?.message ?? "Something went wrong. Try again.", ...(json?.error?.fields && { fields: json.error.fields }) };
  } catch {
    return { ok: false, message: "Couldn't reach the server. Check your connection and try again." };
  }
}

export const imagePath = (token: string, assetId: string, size: "small" | "large" | "original") =>
  `/s/${token}/assets/${encodeURIComponent(assetId)}/image?size=${size}`;
export const downloadPath = (token: string, assetId: string) => `/s/${token}/assets/${encodeURIComponent(assetId)}/download`;
export const sharePagePath = (token: string, cursor: string) => `/s/${token}/assets?cursor=${encodeURIComponent(cursor)}`;
