// The provider simulator in its own process for the benchmarks: it renders every output image, and that CPU work must
// not stall the bench process's clocks and SSE reader. Prints BENCH_READY {"url"} once listening.
import { startSimulator } from "@/simulator/server";
import { READY } from "./processes";

const simulator = await startSimulator({ port: 0, host: "127.0.0.1" });
console.log(`${READY}${JSON.stringify({ url: simulator.url })}`);

process.on("SIGTERM", () => void simulator.close().then(() => process.exit(0)));
