import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

// Stands in for a provider's CDN: images rendered by sharp at /img/<w>x<h>.<format>, plus the ways real CDNs fail.
const cache = new Map<string, Buffer>();

export async function renderTestImage(width: number, height: number, format: "png" | "jpeg" | "webp"): Promise<Buffer> {
  const key = `${width}x${height}.${format}`;
  let bytes = cache.get(key);
  if (!bytes) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="g"><stop offset="0" stop-color="#3b82f6"/><stop offset="1" stop-color="#f97316"/></linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#g)"/><circle cx="50%" cy="50%" r="30%" fill="#fff"/></svg>`;
    bytes = await sharp(Buffer.from(svg)).toFormat(format).toBuffer();
    cache.set(key, bytes);
  }
  return bytes;
}

export async function startImageServer() {
  let port = 0;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const img = /^\/img\/(\d+)x(\d+)\.(png|jpeg|webp)$/.exec(url.pathname);
    if (img) {
      const bytes = await renderTestImage(Number(img[1]), Number(img[2]), img[3] as "png");
      return res.writeHead(200, { "content-type": `image/${img[3]}`, "content-length": bytes.length }).end(bytes);
    }
    // The same image without a Content-Length (chunked), as some CDNs send it.
    const chunked = /^\/chunked\/(\d+)x(\d+)\.(png|jpeg|webp)$/.exec(url.pathname);
    if (chunked) {
      const bytes = await renderTestImage(Number(chunked[1]), Number(chunked[2]), chunked[3] as "png");
      res.writeHead(200, { "content-type": `image/${chunked[3]}` });
      for (let at = 0; at < bytes.length; at += 16 * 1024) res.write(bytes.subarray(at, at + 16 * 1024));
      return res.end();
    }
    // A real header (so the streaming check passes it) over pixels that don't decode, with an honest Content-Length.
    if (url.pathname === "/corrupt.png") {
      const good = await renderTestImage(1024, 1024, "png");
      const bytes = Buffer.concat([good.subarray(0, 64), Buffer.alloc(good.length - 64, 0x5a)]);
      return res.writeHead(200, { "content-type": "image/png", "content-length": bytes.length }).end(bytes);
    }
    // Promises the whole file, sends half, cuts the connection.
    if (url.pathname === "/truncated.png") {
      const bytes = await renderTestImage(1024, 1024, "png");
      res.writeHead(200, { "content-type": "image/png", "content-length": bytes.length });
      return res.write(bytes.subarray(0, bytes.length >> 1), () => res.destroy());
    }
    if (url.pathname === "/expired") {
      return res.writeHead(403, { "content-type": "application/xml" }).end("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
    }
    if (url.pathname === "/unavailable") return res.writeHead(503).end("busy");
    // A hop to the same server under a name that is not allowlisted: must be refused at the lookup.
    if (url.pathname === "/to-private") return res.writeHead(302, { location: `http://localhost:${port}/img/1024x1024.png` }).end();
    if (url.pathname === "/huge") {
      // No Content-Length: only the streaming byte cap can stop this.
      res.writeHead(200, { "content-type": "image/png" });
      const chunk = Buffer.alloc(1024 * 1024, 1);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", pump);
      };
      return pump();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  return {
    host: `127.0.0.1:${port}`,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}
