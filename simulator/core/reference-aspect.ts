import sharp from "sharp";
import { nearestAspect } from "./sizes";

// "auto" aspect and Runware's `resolution` follow the reference image's proportions. We can read inline images
// (base64 or data URI) without any network; for URLs we deliberately do not fetch (the simulator stays hermetic and
// the seeds' reference URLs are unreachable), so those fall back to 1:1.
export async function referenceAspect(reference: string | undefined, fallback = "1:1"): Promise<string> {
  if (!reference || /^https?:\/\//i.test(reference)) return fallback;
  const base64 = reference.replace(/^data:[^,]*,/, "");
  if (!/^[A-Za-z0-9+/=\s_-]+$/.test(base64.slice(0, 512))) return fallback;
  try {
    const meta = await sharp(Buffer.from(base64, "base64")).metadata();
    return meta.width && meta.height ? nearestAspect(meta.width, meta.height) : fallback;
  } catch {
    return fallback;
  }
}
