import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { ROOT } from "./processes";

export const WIDTH = 4992;
export const HEIGHT = 3328;
export const SIGMA = 6;

/**
 * A 4992×3328 PNG (Kling's 4K 3:2 size) that compresses like a photo, not like a flat render: a smooth colour
 * gradient with Gaussian sensor noise (sharp's, σ 6) on top, encoded with adaptive filtering as real encoders do: ~32 MB. Made once and kept in .data/bench (git-ignored).
 */
export async function noisePng(): Promise<{ file: string; bytes: number }> {
  const file = path.join(ROOT, ".data", "bench", `noise-${WIDTH}x${HEIGHT}-v2.png`);
  const existing = await fs.stat(file).catch(() => null);
  if (existing) return { file, bytes: existing.size };
  const noise = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: "gaussian", mean: 128, sigma: SIGMA } } })
    .raw()
    .toBuffer();
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 3;
      const base = [40 + (150 * x) / WIDTH, 60 + (120 * y) / HEIGHT, 200 - (120 * (x + y)) / (WIDTH + HEIGHT)];
      for (let c = 0; c < 3; c++) noise[i + c] = Math.max(0, Math.min(255, Math.round(base[c]! + noise[i + c]! - 128)));
    }
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  const png = await sharp(noise, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).png({ adaptiveFiltering: true }).toBuffer();
  await fs.writeFile(`${file}.tmp`, png);
  await fs.rename(`${file}.tmp`, file);
  return { file, bytes: png.length };
}
