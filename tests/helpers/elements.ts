import sharp from "sharp";

type Api = (path: string, init?: RequestInit) => Promise<Response>;

/** A plain PNG that meets the providers' input rules (≥ 300 px, aspect within 1:2.5–2.5:1), distinct per colour. */
export function testImage(color: string, size: { width: number; height: number } = { width: 600, height: 800 }) {
  return sharp({ create: { ...size, channels: 3, background: color } }).png().toBuffer();
}

/** Uploads one image through the element upload route (multipart `file`), as the element form does. */
export async function uploadElementImage(api: Api, teamId: string, bytes: Buffer, type = "image/png") {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type }), "image.png");
  // The helper's api() sets a JSON content type; a multipart body needs its own, with the boundary.
  const request = new Request("http://upload.invalid/", { method: "POST", body: form });
  return api(`/api/v1/teams/${teamId}/elements/uploads`, {
    method: "POST",
    body: await request.arrayBuffer(),
    headers: { "content-type": request.headers.get("content-type")! },
  });
}

/** Creates an element with a frontal image and `references` more, all uploaded; answers the created element's DTO. */
export async function createTestElement(api: Api, teamId: string, options: { name: string; references?: number; kind?: string }) {
  const colors = ["#c0603a", "#3a7fc0", "#5aa05a", "#a05aa0"];
  const keys: string[] = [];
  for (let i = 0; i <= (options.references ?? 0); i++) {
    const res = await uploadElementImage(api, teamId, await testImage(colors[i % colors.length]!));
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
    keys.push(((await res.json()) as { uploadKey: string }).uploadKey);
  }
  const res = await api(`/api/v1/teams/${teamId}/elements`, {
    method: "POST",
    body: JSON.stringify({
      name: options.name,
      description: `${options.name} for tests`,
      kind: options.kind ?? "character",
      frontal: { uploadKey: keys[0] },
      references: keys.slice(1).map((uploadKey) => ({ uploadKey })),
    }),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; currentVersion: number; usageCount: number };
}
