/**
 * The images a provider made (and charged for) that we never got into the gallery, as the studio and the API say it.
 * Outputs exist only for jobs the provider finished, and a finished job is billed per image it returned
 * (lib/spend/actual-cost.ts), so a failed output is always a paid image that was lost — whatever made its copy fail
 * (an expired link, an oversized or broken file). Numbers are 1-based, as people count images.
 */
export type LostImages = { images: number[]; paidFor: true; message: string };

export function lostImages(options: { status: string; outputs: { index: number; status: string }[] }): LostImages | null {
  if (options.status !== "succeeded") return null;
  const images = options.outputs.filter((o) => o.status === "failed").map((o) => o.index + 1).sort((a, b) => a - b);
  if (images.length === 0) return null;
  const names = images.length === 1 ? `Image ${images[0]} was` : `Images ${listed(images)} were`;
  const it = images.length === 1 ? "it" : "them";
  return { images, paidFor: true, message: `${names} paid for but lost: we could not copy ${it} from the provider, so ${images.length === 1 ? "it is" : "they are"} not in the gallery.` };
}

function listed(numbers: number[]): string {
  return numbers.length <= 2 ? numbers.join(" and ") : `${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}
