import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

// Next passes route handlers and server actions the request's headers but not its socket, and it fills
// X-Forwarded-For with the socket's address only when the client sent none (base-server's `??=`), so a client
// without a proxy in front can name any address it likes. `npm start`'s server (scripts/server.ts) therefore stamps
// each request with the socket's address in a header of its own. The stamp carries a random per-process nonce kept
// on globalThis (the server's tsx-loaded lib and Next's bundled copy of it are separate module instances in one
// process), so a client can't forge one, and under plain `next start` / `next dev`, where nothing stamps, no header
// a client sends is taken for one.
export const PEER_HEADER = "x-studio-peer";
const NONCE = Symbol.for("asset-studio.peer-nonce");
type WithNonce = { [NONCE]?: string };

function nonce(): string {
  const holder = globalThis as WithNonce;
  holder[NONCE] ??= randomBytes(16).toString("hex");
  return holder[NONCE];
}

/** Called by scripts/server.ts for every request before anything reads it; replaces whatever the client sent. */
export function stampPeer(req: IncomingMessage) {
  req.headers[PEER_HEADER] = `${nonce()} ${req.socket.remoteAddress ?? ""}`;
}

/** The socket address the server stamped, or null when nothing (this process) stamped the request. */
export function stampedPeer(value: string | null | undefined): string | null {
  const holder = globalThis as WithNonce;
  if (!value || !holder[NONCE]) return null;
  const [given, address] = value.split(" ");
  return given === holder[NONCE] && address ? address : null;
}
