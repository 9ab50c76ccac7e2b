import { parseAsBoolean, parseAsString, parseAsStringLiteral } from "nuqs";

// The gallery's filters live in the URL (nuqs): a filtered view can be bookmarked, shared and survives back/forward.
// Short names keep links readable; `toApiQuery` maps them onto GET /api/v1/projects/:projectId/assets.

export const SORTS = ["newest", "oldest", "rating"] as const;
export const DENSITIES = ["compact", "comfortable", "large"] as const;
export const APPROVALS = ["none", "pending", "approved", "rejected"] as const;
export const PROVIDERS = ["kling", "wavespeed", "runware", "segmind", "fal"] as const;

export const galleryParsers = {
  view: parseAsStringLiteral(["gallery", "trash"] as const).withDefault("gallery"),
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(SORTS).withDefault("newest"),
  density: parseAsStringLiteral(DENSITIES).withDefault("comfortable"),
  model: parseAsString,
  provider: parseAsStringLiteral(PROVIDERS),
  ratio: parseAsString,
  res: parseAsString,
  member: parseAsString,
  fav: parseAsBoolean,
  tag: parseAsString,
  approval: parseAsStringLiteral(APPROVALS),
  // Days (YYYY-MM-DD) in the viewer's time zone; `to` includes its whole day.
  from: parseAsString,
  to: parseAsString,
};

export type GalleryFilters = {
  view: "gallery" | "trash";
  q: string;
  sort: (typeof SORTS)[number];
  density: (typeof DENSITIES)[number];
  model: string | null;
  provider: (typeof PROVIDERS)[number] | null;
  ratio: string | null;
  res: string | null;
  member: string | null;
  fav: boolean | null;
  tag: string | null;
  approval: (typeof APPROVALS)[number] | null;
  from: string | null;
  to: string | null;
};

/** How many of the narrowing filters (not view, sort, density or search) are set, for the Filters button's badge. */
export function activeFilterCount(f: GalleryFilters) {
  return [f.model, f.provider, f.ratio, f.res, f.member, f.fav, f.tag, f.approval, f.from, f.to].filter((v) => v !== null && v !== "").length;
}

function dayStart(day: string, plusDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The API's query string for these filters (without cursor/limit), stable so it can key the cache. */
export function toApiQuery(f: GalleryFilters): string {
  const params = new URLSearchParams();
  params.set("sort", f.sort);
  if (f.view === "trash") params.set("status", "trashed");
  if (f.q.trim()) params.set("q", f.q.trim());
  if (f.model) params.set("model", f.model);
  if (f.provider) params.set("provider", f.provider);
  if (f.ratio) params.set("aspectRatio", f.ratio);
  if (f.res) params.set("resolution", f.res);
  if (f.member) params.set("memberId", f.member);
  if (f.fav) params.set("favourite", "true");
  if (f.tag) params.set("tag", f.tag);
  if (f.approval) params.set("approval", f.approval);
  const from = f.from ? dayStart(f.from) : null;
  const to = f.to ? dayStart(f.to, 1) : null;
  if (from) params.set("from", from);
  if (to) params.set("to", to);
  return params.toString();
}
