// The studio's prompt syntax for pointing at inputs is `@image1`…`@image10` and `@element1`… (case-insensitive,
// 1-based, in the order the inputs are given). Providers each spell it differently, so adapters rewrite it, one
// function per syntax:
//   Kling omni-image  <<<image_1>>> / <<<element_1>>>   (providers.md §1.6)          rewritePromptReferences "kling"
//   fal V3 and O3     @Image1 / @Element1               (providers.md §5.1)          rewritePromptReferences "fal"
//   Segmind V3        (element1)                        (seed 003)                   rewritePromptReferences "segmind"
//   WaveSpeed O3      the element's name, in words      (seed 001: "write the element name naturally in your prompt
//                                                        … No special characters or syntax required")   nameElementsInPrompt
// WaveSpeed images and Runware document no syntax; `@imageN` reaches them unchanged.

const REFERENCE = /@(image|element)(\d+)\b/gi;
const ELEMENT = /@element(\d+)\b/gi;

export type ReferenceStyle = "kling" | "fal" | "segmind" | "plain";

/** How a provider's prompt names an element: one of the reference syntaxes above, or by its name ("name"). */
export type ElementPromptStyle = Exclude<ReferenceStyle, "plain"> | "name";

export function rewritePromptReferences(prompt: string, style: ReferenceStyle): string {
  if (style === "plain") return prompt;
  return prompt.replace(REFERENCE, (_match, kind: string, n: string) => {
    const isImage = kind.toLowerCase() === "image";
    if (style === "kling") return `<<<${isImage ? "image" : "element"}_${n}>>>`;
    if (style === "fal") return `@${isImage ? "Image" : "Element"}${n}`;
    return isImage ? `@image${n}` : `(element${n})`;
  });
}

/**
 * `@elementN` → the name of the N-th element (WaveSpeed). An element without a name keeps the token: the check
 * before sending (checkPromptReferences) has already made sure every N is in range.
 */
export function nameElementsInPrompt(prompt: string, names: readonly (string | undefined)[]): string {
  return prompt.replace(ELEMENT, (match, n: string) => names[Number(n) - 1]?.trim() || match);
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
