import { ImageOff } from "lucide-react";
import type { GenerationDto } from "@/lib/generations/generation-dto";

// Issue 16 point 5: a paid image we could not copy is said plainly on its generation — which image, and that it
// was paid for — not only in the small text of its empty tile. The sentence comes from the DTO (lostImages), so the
// API and the studio say the same thing.
export function LostImagesNotice({ generation }: { generation: Pick<GenerationDto, "lostImages"> }) {
  if (!generation.lostImages) return null;
  return (
    <p className="flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-[13px] text-destructive">
      <ImageOff aria-hidden className="mt-0.5 size-4 shrink-0" />
      {generation.lostImages.message}
    </p>
  );
}
