import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

/**
 * A local HTTP server standing in for an outside origin (a provider's CDN) in the guarded-download tests. It is
 * reachable only because a test allows its host:port, exactly as configuration allows the simulator. Routes:
 * /ok ("hello", length 5), /redirect?to=, /loop, /gone (404), /declared-big (2,000 bytes declared),
 * /streamed-big (chunked, endless), /truncated (declares 100, sends 50, hangs up), /stalls (declares 800, sends 100,
 * then nothing), /hang (never answers), /slow-image?ms= (a 512×512 PNG, after that long). Counts open sockets, so
 * tests can check connections are freed.
 */
export async function startOutsideOrigin() {
  let openSockets = 0;
  const png = await sharp({ create: { width: 512, height: 512, channels: 3, background: "#3b82f6" } }).png().toBuffer();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const to = url.searchParams.get("to");
    if (url.pathname === "/slow-image") {
      const timer = setTimeout(() => res.writeHead(200, { "content-type": "image/png", "content-length": png.length }).end(png), Number(url.searchParams.get("ms") ?? 0));
      res.on("close", () => clearTimeout(timer));
      return;
    }
    if (url.pathname === "/ok") return res.writeHead(200, { "content-length": "5" }).end("hello");
    if (url.pathname === "/redirect" && to) return res.writeHead(302, { location: to }).end();
    if (url.pathname === "/loop") return res.writeHead(301, { location: "/loop" }).end();
    if (url.pathname === "/gone") return res.writeHead(404).end("no");
    if (url.pathname === "/declared-big") return res.writeHead(200, { "content-length": "2000" }).end(Buffer.alloc(2000));
    if (url.pathname === "/streamed-big") {
      // Chunked, no length: only a running count can stop it.
      res.writeHead(200);
      const timer = setInterval(() => res.write(Buffer.alloc(512)), 1);
      res.on("close", () => clearInterval(timer));
      return;
    }
    if (url.pathname === "/truncated") {
      res.writeHead(200, { "content-length": "100" });
      return res.write(Buffer.alloc(50), () => res.destroy());
    }
    if (url.pathname === "/stalls") {
      // Headers and a first chunk promptly, then nothing: a timeout must still cover the body.
      res.writeHead(200, { "content-length": "800" });
      return res.write(Buffer.alloc(100));
    }
    if (url.pathname === "/hang") return;
    res.writeHead(500).end();
  });
  server.on("connection", (socket) => {
    openSockets++;
    socket.on("close", () => openSockets--);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  return {
    host,
    base: `http://${host}`,
    openSockets: () => openSockets,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

export type OutsideOrigin = Awaited<ReturnType<typeof startOutsideOrigin>>;
