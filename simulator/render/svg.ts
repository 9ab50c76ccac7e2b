import { createPrng, hash32 } from "../core/prng";
import type { ImageSpec } from "../core/types";

// The picture is a label: a seed-derived gradient (so neighbours in a gallery look different at a glance) with the
// prompt and the generation parameters written on it (so a person can tell which request produced it).
const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

export function wrapText(text: string, charsPerLine: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    // Words longer than a line (URLs, CJK runs) are hard-split rather than overflowing the panel.
    for (let start = 0; start < word.length; start += charsPerLine) {
      const piece = word.slice(start, start + charsPerLine);
      const candidate = line ? `${line} ${piece}` : piece;
      if (candidate.length <= charsPerLine) line = candidate;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, charsPerLine - 1))}…`;
  return kept;
}

function palette(seed: number, index: number) {
  const rng = createPrng(hash32(`${seed}:${index}`));
  const hue = rng.int(360);
  return {
    rng,
    angle: rng.int(360),
    stops: [hue, (hue + 40 + rng.int(80)) % 360, (hue + 160 + rng.int(60)) % 360].map(
      (h, i) => `hsl(${h}, ${55 + rng.int(30)}%, ${30 + i * 12 + rng.int(10)}%)`,
    ),
  };
}

export function buildSvg(spec: ImageSpec): string {
  const { width: w, height: h } = spec;
  const base = Math.min(w, h);
  const { rng, angle, stops } = palette(spec.seed, spec.index);
  const circles = Array.from({ length: 5 }, () => {
    const r = Math.round(base * (0.1 + rng.next() * 0.35));
    return `<circle cx="${rng.int(w)}" cy="${rng.int(h)}" r="${r}" fill="white" fill-opacity="${(0.04 + rng.next() * 0.1).toFixed(3)}"/>`;
  }).join("");

  const margin = Math.round(base * 0.06);
  const panelW = w - margin * 2;
  const panelH = h - margin * 2;
  const title = Math.max(12, Math.round(base * 0.055));
  const body = Math.max(10, Math.round(base * 0.04));
  const meta = Math.max(9, Math.round(base * 0.03));
  const charsPerLine = Math.max(8, Math.floor((panelW - body * 2) / (body * 0.56)));
  const bodyTop = margin + title * 2.2;
  const bodyBottom = margin + panelH - meta * 4;
  const maxLines = Math.max(1, Math.min(30, Math.floor((bodyBottom - bodyTop) / (body * 1.3))));
  const lines = wrapText(spec.prompt || "(empty prompt)", charsPerLine, maxLines);
  const x = margin + body;
  const promptText = lines
    .map((line, i) => `<text x="${x}" y="${Math.round(bodyTop + body * 1.3 * (i + 1))}" font-size="${body}">${escapeXml(line)}</text>`)
    .join("");
  const footer1 = `${spec.aspect} · ${spec.resolution} · ${w}×${h} · ${spec.format}`;
  const footer2 = `seed ${spec.seed} · image #${spec.index + 1} · ${spec.provider}`;
  const watermark = spec.watermark
    ? `<text x="${w / 2}" y="${h / 2}" font-size="${Math.round(base * 0.16)}" font-family="sans-serif" text-anchor="middle" fill="white" fill-opacity="0.35" transform="rotate(-25 ${w / 2} ${h / 2})">KLING AI</text>`
    : "";

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs><linearGradient id="g" gradientTransform="rotate(${angle} 0.5 0.5)">
<stop offset="0" stop-color="${stops[0]}"/><stop offset="0.55" stop-color="${stops[1]}"/><stop offset="1" stop-color="${stops[2]}"/>
</linearGradient></defs>
<rect width="${w}" height="${h}" fill="url(#g)"/>${circles}
<rect x="${margin}" y="${margin}" width="${panelW}" height="${panelH}" rx="${Math.round(base * 0.02)}" fill="black" fill-opacity="0.45"/>
<g font-family="sans-serif" fill="white">
<text x="${x}" y="${Math.round(margin + title * 1.4)}" font-size="${title}" font-weight="bold">${escapeXml(spec.model)}</text>
${promptText}
<text x="${x}" y="${Math.round(margin + panelH - meta * 2.2)}" font-size="${meta}" fill-opacity="0.9">${escapeXml(footer1)}</text>
<text x="${x}" y="${Math.round(margin + panelH - meta * 0.8)}" font-size="${meta}" fill-opacity="0.9">${escapeXml(footer2)}</text>
</g>${watermark}
</svg>`;
}
