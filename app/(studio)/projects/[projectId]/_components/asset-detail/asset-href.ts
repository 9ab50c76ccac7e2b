/** An image's detail URL, carrying the gallery's filters so the arrows there walk the same sequence. */
export function assetHref(projectId: string, assetId: string, filters: string) {
  return `/projects/${projectId}/assets/${assetId}${filters ? `?${filters}` : ""}`;
}
