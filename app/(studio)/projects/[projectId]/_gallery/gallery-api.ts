import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { GalleryAssetDto } from "@/lib/assets/gallery-asset-dto";
import type { GenerationDto } from "@/lib/generations/generation-dto";

// The browser's side of the asset and generation routes, and the cache shapes TanStack Query keeps them in. Live
// events and the user's own actions patch these caches in place, so the grid never reloads and keeps its place.

export type AssetPage = { data: GalleryAssetDto[]; nextCursor: string | null };
export type AssetPages = InfiniteData<AssetPage, string | null>;

export const PAGE_SIZE = 120;
// What the project page serializes into its HTML: the first screen at 1440×900 and more than the server's 36 CSS
// tiles, not a whole page — every asset there is RSC payload the browser parses before the first paint. 48 tiles end
// within the grid's look-ahead (gallery-grid.tsx: six rows past the rendered ones), so its first layout already asks
// for the next page, at 390 px as at 1440 (tests/e2e/gallery.test.ts).
export const FIRST_PAGE_SIZE = 48;

export const assetsKey = (projectId: string, apiQuery?: string) => (apiQuery === undefined ? ["assets", projectId] : ["assets", projectId, apiQuery]);
export const queueKey = (projectId: string) => ["queue", projectId];

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly code: string) {
    super(message);
  }
}

export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(body?.error?.message ?? `The studio answered ${res.status}. Try again.`, res.status, body?.error?.code ?? "error");
  }
  return (await res.json()) as T;
}

export function fetchAssetPage(projectId: string, apiQuery: string, cursor: string | null, limit = PAGE_SIZE, signal?: AbortSignal) {
  const params = new URLSearchParams(apiQuery);
  params.set("limit", String(limit));
  if (cursor) params.set("cursor", cursor);
  return api<AssetPage>(`/api/v1/projects/${projectId}/assets?${params}`, { signal });
}

export type BulkAction =
  | { action: "favourite" | "unfavourite" | "delete" | "restore" | "purge" }
  | { action: "tag" | "untag"; tags: string[] }
  | { action: "approval"; approvalStatus: GalleryAssetDto["approvalStatus"] };

export function bulkAssets(projectId: string, assetIds: string[], action: BulkAction) {
  return api<unknown>(`/api/v1/projects/${projectId}/assets/bulk`, { method: "POST", body: JSON.stringify({ ...action, assetIds }) });
}

export function fetchGeneration(generationId: string) {
  return api<GenerationDto>(`/api/v1/generations/${generationId}`);
}

/** Every loaded gallery page of the project, whatever its filters. */
function eachAssetCache(client: QueryClient, projectId: string, fn: (data: AssetPages) => AssetPages) {
  client.setQueriesData<AssetPages>({ queryKey: assetsKey(projectId) }, (data) => (data ? fn(data) : data));
}

/** Change assets where they sit (favourite, tags, approval): the grid keeps its place. */
export function patchAssets(client: QueryClient, projectId: string, ids: Set<string>, patch: (a: GalleryAssetDto) => GalleryAssetDto) {
  eachAssetCache(client, projectId, (data) => ({
    ...data,
    pages: data.pages.map((p) => (p.data.some((a) => ids.has(a.id)) ? { ...p, data: p.data.map((a) => (ids.has(a.id) ? patch(a) : a)) } : p)),
  }));
}

/** Take assets out of every loaded view (trashed, restored or purged); the next page's cursor is unaffected. */
export function removeAssets(client: QueryClient, projectId: string, ids: Set<string>) {
  eachAssetCache(client, projectId, (data) => ({
    ...data,
    pages: data.pages.map((p) => (p.data.some((a) => ids.has(a.id)) ? { ...p, data: p.data.filter((a) => !ids.has(a.id)) } : p)),
  }));
}

/** Put fresh assets at the top of a newest-first view, skipping the ones it already holds. */
export function prependAssets(data: AssetPages, fresh: GalleryAssetDto[]): AssetPages {
  const known = new Set(data.pages.flatMap((p) => p.data.map((a) => a.id)));
  const added = fresh.filter((a) => !known.has(a.id));
  if (added.length === 0 || data.pages.length === 0) return data;
  const [first, ...rest] = data.pages;
  return { ...data, pages: [{ ...first!, data: [...added, ...first!.data] }, ...rest] };
}

/** Put a generation into the queue cache (a teammate's new one at the top), or update it where it is. */
export function upsertGeneration(client: QueryClient, projectId: string, generation: GenerationDto) {
  client.setQueryData<GenerationDto[]>(queueKey(projectId), (list = []) =>
    list.some((g) => g.id === generation.id) ? list.map((g) => (g.id === generation.id ? generation : g)) : [generation, ...list],
  );
}
