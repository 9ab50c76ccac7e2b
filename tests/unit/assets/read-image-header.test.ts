import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { readImageHeader } from "@/lib/assets/read-image-header";
import { imageHeaderCheck } from "@/lib/assets/image-header-check";
import { ImageRejectedError } from "@/lib/errors";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

// Images made by sharp, so the header reader is checked against what sharp itself reports for the same bytes.
const render = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 20 } } });

describe("readImageHeader", () => {
  it("reads format and size the way sharp does, for PNG, JPEG and lossy, lossless and extended WebP", async () => {
    const cases: [string, Buffer][] = [
      ["png", await render(4992, 3328).png().toBuffer()],
      ["png 16-bit grey", await render(37, 1001).greyscale().png().toColourspace("grey16").toBuffer()],
      ["jpeg", await render(2496, 1664).jpeg().toBuffer()],
      ["progressive jpeg", await render(301, 77).jpeg({ progressive: true }).toBuffer()],
      // EXIF and an ICC profile come before the frame header; the size is the stored one, before rotation.
      ["jpeg with exif + icc", await render(640, 480).withMetadata({ orientation: 6 }).withIccProfile("p3").jpeg().toBuffer()],
      ["webp lossy", await render(1360, 768).webp().toBuffer()],
      ["webp lossless", await render(16383, 3).webp({ lossless: true }).toBuffer()],
      ["webp with alpha (VP8X)", await render(880, 1168).ensureAlpha(0.5).webp().toBuffer()],
      ["webp with icc (VP8X)", await render(33, 44).withIccProfile("p3").webp().toBuffer()],
    ];
    for (const [name, bytes] of cases) {
      const meta = await sharp(bytes).metadata();
      expect(readImageHeader(bytes), name).toEqual({ status: "ok", format: meta.format, width: meta.width, height: meta.height, pages: meta.pages ?? 1 });
      // Only the head is needed: the first 256 KB decide every case above.
      expect(readImageHeader(bytes.subarray(0, 256 * 1024)), name).toEqual(readImageHeader(bytes));
    }
  });

  it("marks animated WebP (VP8X with the animation flag) as more than one page", () => {
    // sharp cannot write an animated WebP from a single image here, so the extended header is built by hand.
    const vp8x = Buffer.alloc(30);
    vp8x.write("RIFF", 0, "latin1");
    vp8x.writeUInt32LE(22, 4);
    vp8x.write("WEBPVP8X", 8, "latin1");
    vp8x.writeUInt32LE(10, 16);
    vp8x[20] = 0x02 | 0x10; // animation + alpha
    vp8x.writeUIntLE(64 - 1, 24, 3);
    vp8x.writeUIntLE(48 - 1, 27, 3);
    expect(readImageHeader(vp8x)).toEqual({ status: "ok", format: "webp", width: 64, height: 48, pages: 2 });
    vp8x[20] = 0x10;
    expect(readImageHeader(vp8x)).toMatchObject({ pages: 1 });
  });

  it("asks for more bytes until the header is complete, and gives up on what it doesn't know", async () => {
    const png = await render(10, 10).png().toBuffer();
    expect(readImageHeader(png.subarray(0, 20))).toEqual({ status: "more" });
    const jpeg = await render(640, 480).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect(readImageHeader(jpeg.subarray(0, 40))).toEqual({ status: "more" });
    expect(readImageHeader(Buffer.from("<!doctype html><html><body>Access denied</body></html>"))).toEqual({ status: "unknown" });
    expect(readImageHeader(await render(20, 30).gif().toBuffer())).toMatchObject({ status: "ok", format: "gif", width: 20, height: 30 });
  });
});

describe("imageHeaderCheck", () => {
  const run = (bytes: Buffer, expected: Parameters<typeof imageHeaderCheck>[0]["expected"], chunk = 7) =>
    pipeline(
      // Small chunks, so the header arrives in pieces as it does over the network.
      Readable.from(Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk))),
      imageHeaderCheck({ expected }),
      async (source: AsyncIterable<Buffer>) => {
        let n = 0;
        for await (const c of source) n += c.length;
        return n;
      },
    );

  it("passes an expected image through unchanged and refuses a wrong one with the reason people see", async () => {
    const png = await render(1024, 1024).png().toBuffer();
    await expect(run(png, { format: "png", size: { width: 1024, height: 1024 }, sizeLabel: "1k 1:1" })).resolves.toBe(png.length);
    const wrongSize = run(png, { size: { width: 2048, height: 2048 }, sizeLabel: "2k 1:1" });
    await expect(wrongSize).rejects.toBeInstanceOf(ImageRejectedError);
    await expect(wrongSize).rejects.toThrow("The image is 1024×1024 pixels but 2k 1:1 should be 2048×2048.");
    await expect(run(png, { format: "jpeg" })).rejects.toThrow("The image is PNG but the generation asked for JPEG.");
    await expect(run(await render(20, 30).gif().toBuffer(), {})).rejects.toThrow("The provider sent a GIF file; only PNG, JPEG and WebP images are accepted.");
    // A decompression bomb's canvas is refused from its header, before anything decodes it.
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(60_000, 16);
    bomb.writeUInt32BE(60_000, 20);
    await expect(run(bomb, {})).rejects.toThrow("The image is 60000×60000 pixels, which is not a size we accept.");
    // Unknown bytes are left for sharp to judge once the file is whole.
    await expect(run(Buffer.from("<html>nope</html>"), { format: "png" })).resolves.toBe(17);
  });
});
