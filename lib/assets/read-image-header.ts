// Format and pixel size from an image's first bytes (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X), so a download can be
// judged while it streams, before it is stored or decoded. It agrees with sharp's metadata on what it reports (JPEG
// size before EXIF rotation, a WebP's canvas size); what it does not recognise is left for sharp to judge.

export type ImageHeader =
  /** Not decided yet: give it more of the file. */
  | { status: "more" }
  /** No PNG, JPEG, WebP or GIF signature (or a header it cannot follow): sharp decides once the file is whole. */
  | { status: "unknown" }
  | { status: "ok"; format: "png" | "jpeg" | "webp" | "gif"; width: number; height: number; pages: number };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function readImageHeader(head: Buffer): ImageHeader {
  if (head.length < 12) return { status: "more" };
  if (PNG_SIGNATURE.every((b, i) => head[i] === b)) return png(head);
  if (head[0] === 0xff && head[1] === 0xd8) return jpeg(head);
  if (head.toString("latin1", 0, 4) === "RIFF" && head.toString("latin1", 8, 12) === "WEBP") return webp(head);
  // GIF is recognised only to be refused with its name; its logical screen size is at 6 (LE).
  if (head.toString("latin1", 0, 4) === "GIF8") return { status: "ok", format: "gif", width: head.readUInt16LE(6), height: head.readUInt16LE(8), pages: 1 };
  return { status: "unknown" };
}

function png(head: Buffer): ImageHeader {
  if (head.length < 24) return { status: "more" };
  // IHDR must be the first chunk; anything else is not a PNG libpng (and so sharp) would read.
  if (head.toString("latin1", 12, 16) !== "IHDR") return { status: "unknown" };
  return { status: "ok", format: "png", width: head.readUInt32BE(16), height: head.readUInt32BE(20), pages: 1 };
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpeg(head: Buffer): ImageHeader {
  let at = 2;
  for (;;) {
    if (at + 4 > head.length) return { status: "more" };
    if (head[at] !== 0xff) return { status: "unknown" };
    const marker = head[at + 1]!;
    // Fill bytes before a marker.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // Markers without a length (TEM, RSTn) never come before the frame header, but skip them rather than misread.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return { status: "unknown" }; // end or scan data before any frame header
    const length = head.readUInt16BE(at + 2);
    if (length < 2) return { status: "unknown" };
    if (SOF.has(marker)) {
      if (at + 9 > head.length) return { status: "more" };
      return { status: "ok", format: "jpeg", width: head.readUInt16BE(at + 7), height: head.readUInt16BE(at + 5), pages: 1 };
    }
    at += 2 + length;
  }
}

function webp(head: Buffer): ImageHeader {
  if (head.length < 30) return { status: "more" };
  const chunk = head.toString("latin1", 12, 16);
  if (chunk === "VP8 ") {
    // Lossy: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height (2 scale bits above each).
    if (head[23] !== 0x9d || head[24] !== 0x01 || head[25] !== 0x2a) return { status: "unknown" };
    return { status: "ok", format: "webp", width: head.readUInt16LE(26) & 0x3fff, height: head.readUInt16LE(28) & 0x3fff, pages: 1 };
  }
  if (chunk === "VP8L") {
    // Lossless: signature 0x2f, then width-1 and height-1 in 14 bits each, little-endian bit order.
    if (head[20] !== 0x2f) return { status: "unknown" };
    const bits = head.readUInt32LE(21);
    return { status: "ok", format: "webp", width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, pages: 1 };
  }
  if (chunk === "VP8X") {
    // Extended: flags (0x02 = animation), 3 reserved bytes, then canvas width-1 and height-1 in 24 bits each. The
    // frame count would need the whole file; "more than one" is all the check needs.
    const animated = (head[20]! & 0x02) !== 0;
    return { status: "ok", format: "webp", width: head.readUIntLE(24, 3) + 1, height: head.readUIntLE(27, 3) + 1, pages: animated ? 2 : 1 };
  }
  return { status: "unknown" };
}
