import { z } from "zod";
import { O3_ASPECT_RATIOS, O3_RESOLUTIONS, OUTPUT_FORMATS, type OutputFormat } from "@/lib/kling/options";
import { getPixelSize, type PixelSize } from "@/lib/kling/pixel-sizes";

// What a generation's stored parameters promise about each output image. Only the fields ingest checks are read,
// leniently: parameters were validated at submit, and an old or unexpected shape must not block an ingest, only
// skip the check it can't make.
const stored = z.object({
  aspect_ratio: z.enum(O3_ASPECT_RATIOS).optional().catch(undefined),
  resolution: z.enum(O3_RESOLUTIONS).optional().catch(undefined),
  output_format: z.enum(OUTPUT_FORMATS).optional().catch(undefined),
});

export type ExpectedOutput = { format?: OutputFormat; size?: PixelSize; sizeLabel?: string };

export function expectedOutput(parameters: unknown): ExpectedOutput {
  const parsed = stored.safeParse(parameters);
  if (!parsed.success) return {};
  const { aspect_ratio: aspectRatio, resolution, output_format: format } = parsed.data;
  // "auto" lets the model pick the ratio, so no size can be predicted exactly.
  if (!aspectRatio || !resolution || aspectRatio === "auto") return { format };
  return { format, size: getPixelSize({ aspectRatio, resolution }), sizeLabel: `${resolution} ${aspectRatio}` };
}
