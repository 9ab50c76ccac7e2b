import type { SmartFilter } from "@/lib/collections/collection-schemas";

const APPROVAL = { none: "draft", pending: "in review", approved: "approved", rejected: "rejected" } as const;

/** A smart collection's query in words: "approved · favourites · tagged hero · prompt has “sneaker”". */
export function describeFilter(filter: SmartFilter): string {
  const parts = [
    filter.approval && APPROVAL[filter.approval],
    filter.favourite && "favourites",
    filter.tag && `tagged ${filter.tag}`,
    filter.model,
    filter.provider,
    filter.aspectRatio,
    filter.resolution,
    filter.q && `prompt has “${filter.q}”`,
    filter.sort && filter.sort !== "newest" && `sorted by ${filter.sort}`,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "every image of the project";
}
