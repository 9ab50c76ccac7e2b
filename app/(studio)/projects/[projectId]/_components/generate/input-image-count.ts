// Where a provider takes elements as plain images (WaveSpeed O3: each element's frontal and reference images join the
// request's `images`, ≤ 10), the panel counts them as the user picks: otherwise three elements with three views each
// plus a few references pass the panel and are refused only after Generate (lib/kling/check-provider-support.ts
// counts the same way on the server).
export type InputImageCount = { count: number; max: number; problem: string | null };

export function inputImageCount(options: {
  references: number;
  /** The reference images of each chosen element's current version; its frontal adds one more. */
  elementReferences: readonly number[];
  max: number;
  providerLabel: string;
}): InputImageCount {
  const { references, elementReferences, max, providerLabel } = options;
  const count = references + elementReferences.reduce((n, views) => n + 1 + views, 0);
  const problem = count > max
    ? `${providerLabel} takes at most ${max} images, and each element's frontal and reference images count: these make ${count}. Remove an element or a reference image.`
    : null;
  return { count, max, problem };
}
