// CLI entry: `tsx simulator/main.ts`. Reads only its own variables (AGENTS.md allows that for simulator/):
// SIMULATOR_PORT (4010), SIMULATOR_HOST (127.0.0.1), SIMULATOR_PUBLIC_URL (optional), SIMULATOR_SEED (42).
import { startSimulator } from "./server";

const port = Number(process.env.SIMULATOR_PORT ?? 4010);
const host = process.env.SIMULATOR_HOST ?? "127.0.0.1";
const publicUrl = process.env.SIMULATOR_PUBLIC_URL || undefined;
const seed = process.env.SIMULATOR_SEED ? Number(process.env.SIMULATOR_SEED) : undefined;

const simulator = await startSimulator({ port, host, publicUrl, seed });
console.log(`provider simulator listening on ${simulator.url}`);
console.log(
  `  kling ${simulator.url}/kling · wavespeed ${simulator.url}/wavespeed · runware ${simulator.url}/runware` +
    ` · segmind ${simulator.url}/segmind · fal ${simulator.url}/fal/queue (+ /fal/rest) · control ${simulator.url}/_sim`,
);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`provider simulator: ${signal}, shutting down`);
  // Second signal or a hung close: do not keep the terminal hostage.
  setTimeout(() => process.exit(1), 5_000).unref();
  void simulator.close().then(() => process.exit(0));
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
