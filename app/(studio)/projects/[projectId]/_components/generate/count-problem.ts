// The generate panel's "Images" field, checked as the user types: what is wrong with it in words, or null. The server
// checks the same bounds (lib/kling/provider-support.ts); saying it here keeps a 0 or a 12 from being quietly changed
// into something the user did not ask for.
export function countProblem(value: string, max: number, providerLabel: string): string | null {
  const trimmed = value.trim();
  if (trimmed === "") return `Enter how many images, 1 to ${max}.`;
  const count = Number(trimmed);
  if (!Number.isInteger(count)) return "Enter a whole number of images.";
  if (count < 1) return "At least 1 image.";
  if (count > max) return `Up to ${max} on ${providerLabel}.`;
  return null;
}
