import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Sim } from "../../core/sim";
import { isObject } from "../../core/http";
import { authenticationTask, processTasks } from "./tasks";
import { decodeFrames, encodeFrame, OPCODES } from "./ws-frames";

// wss://ws-api.runware.ai/v1 equivalent at <sim>/runware/v1: the transport @runware/sdk-js uses. The first
// message must be an authentication task; afterwards messages are task arrays answered with { data } / { errors }.
export function handleUpgrade(sim: Sim, req: IncomingMessage, socket: Duplex): boolean {
  const url = new URL(req.url ?? "/", "http://simulator.local");
  const key = req.headers["sec-websocket-key"];
  if (!/^\/runware\/v1\/?$/.test(url.pathname) || typeof key !== "string") {
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
    return false;
  }
  const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);

  let authorized = false;
  const send = (message: unknown) => {
    if (!socket.destroyed) socket.write(encodeFrame(OPCODES.text, Buffer.from(JSON.stringify(message))));
  };
  const onMessage = async (text: string) => {
    let tasks: unknown;
    try {
      tasks = JSON.parse(text);
    } catch {
      return send({ errors: [{ code: "invalidPayload", message: "Messages must be JSON arrays of tasks" }] });
    }
    const list = (Array.isArray(tasks) ? tasks : [tasks]).filter(isObject);
    const auth = list.find((t) => t.taskType === "authentication");
    if (auth) {
      const verdict = authenticationTask(auth);
      if (!verdict.ok) return send({ errors: [verdict.issue] });
      authorized = true;
      const session = typeof auth.connectionSessionUUID === "string" ? auth.connectionSessionUUID : randomUUID();
      send({ data: [{ taskType: "authentication", connectionSessionUUID: session }] });
    }
    const work = list.filter((t) => t.taskType !== "authentication");
    if (work.length === 0) return;
    const result = await processTasks({ sim, headers: req.headers, forced: new Set(), authorized }, work);
    if (result.data.length > 0) send({ data: result.data });
    if (result.errors.length > 0) send({ errors: result.errors });
  };

  let pending: Buffer = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    const decoded = decodeFrames(Buffer.concat([pending, chunk]));
    pending = decoded.rest;
    for (const frame of decoded.frames) {
      if (frame.opcode === OPCODES.text) {
        onMessage(frame.payload.toString("utf8")).catch(() =>
          send({ errors: [{ code: "internalServerError", message: "Internal server error, retry with backoff" }] }),
        );
      }
      else if (frame.opcode === OPCODES.ping) socket.write(encodeFrame(OPCODES.pong, frame.payload));
      else if (frame.opcode === OPCODES.close) {
        socket.end(encodeFrame(OPCODES.close, frame.payload.subarray(0, 2)));
      }
    }
  });
  socket.on("error", () => socket.destroy());
  return true;
}
