import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { handleRequest } from "./core/pipeline";
import { sendReply } from "./core/http";
import { createSim, type SimState, type Timing } from "./core/sim";
import { PROVIDER_MODULES } from "./providers/registry";
import { handleUpgrade } from "./providers/runware/websocket";

export interface StartSimulatorOptions {
  port?: number; // 0 = random free port
  host?: string;
  publicUrl?: string; // what URLs in responses point at, when the simulator sits behind a proxy or another host name
  seed?: number; // seeds the fault dice and image seeds
  timing?: Partial<Timing>;
}

export interface RunningSimulator {
  url: string;
  state: SimState;
  close(): Promise<void>;
}

// Default timing keeps a job at ~0.5 s end to end: long enough to observe intermediate statuses, short enough
// that a test suite polling dozens of jobs stays fast.
const DEFAULT_TIMING: Timing = { queuedMs: 150, processingMs: 350 };

export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1";
  const sim = createSim({
    publicUrl: options.publicUrl ?? "",
    timing: { ...DEFAULT_TIMING, ...options.timing },
    seed: options.seed ?? 42,
  });
  const server: Server = createServer((req, res) => {
    handleRequest(sim, PROVIDER_MODULES, req, res).catch((error: unknown) => {
      console.error("[simulator] unhandled", error);
      sendReply(res, { status: 500, body: { error: "simulator crashed on this request" } });
    });
  });
  // Runware's official SDK only speaks WebSocket.
  const upgraded = new Set<Duplex>();
  server.on("upgrade", (req, socket) => {
    if (!handleUpgrade(sim, req, socket)) return;
    upgraded.add(socket);
    socket.on("close", () => upgraded.delete(socket));
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = options.publicUrl?.replace(/\/$/, "") ?? `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  sim.publicUrl = url;

  return {
    url,
    state: sim.state,
    close: () =>
      new Promise<void>((resolve) => {
        sim.close();
        for (const socket of upgraded) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
