// The studio's prompt syntax for pointing at inputs is `@image1`…`@image10` and `@element1`… (case-insensitive,
// 1-based, in the order the inputs are given). Providers each spell it differently, so adapters rewrite it:
//   Kling omni-image  <<<image_1>>> / <<<element_1>>>   (providers.md §1.6)
//   fal O3            @Image1 / @Element1               (providers.md §5.1)
//   Segmind           (element1)                        (seed 003)
// WaveSpeed and Runware document no syntax; they get the prompt unchanged.

const REFERENCE = /@(image|element)(\d+)\b/gi;

export type ReferenceStyle = "kling" | "fal" | "segmind" | "plain";

export function rewritePromptReferences(prompt: string, style: ReferenceStyle): string {
  if (style === "plain") return prompt;
  return prompt.replace(REFERENCE, (_match, kind: string, n: string) => {
    const isImage = kind.toLowerCase() === "image";
    if (style === "kling") return `<<<${isImage ? "image" : "element"}_${n}>>>`;
    if (style === "fal") return `@${isImage ? "Image" : "Element"}${n}`;
    return isImage ? `@image${n}` : `(element${n})`;
  });
}

/** A message for the first reference that points past the inputs given, or null. */
export function checkPromptReferences(prompt: string, counts: { images: number; elements: number }): string | null {
  for (const match of prompt.matchAll(REFERENCE)) {
    const isImage = match[1]!.toLowerCase() === "image";
    const n = Number(match[2]);
    const available = isImage ? counts.images : counts.elements;
    if (n < 1 || n > available)
      return `${match[0]} refers to ${isImage ? "image" : "element"} ${n}, but ${available} ${isImage ? "image(s)" : "element(s)"} were given`;
  }
  return null;
}
