/** "1 generation", "2 generations", "1,204 images": a count with its noun agreeing ("1 generations" read as a bug). */
export function countNoun(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : plural}`;
}
