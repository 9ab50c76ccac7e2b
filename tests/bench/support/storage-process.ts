// The embedded S3 server (s3rver, as `npm run dev` starts it) in its own process, so storing hundreds of megabytes
// doesn't stall the bench process. Prints BENCH_READY {env} with the S3_* variables once listening.
import { startStorage } from "@/scripts/stack/storage";
import { READY } from "./processes";

const dataDir = process.env.BENCH_S3_DIR;
if (!dataDir) throw new Error("BENCH_S3_DIR is required");
// BENCH_S3_PORT pins the port: the production build bakes the S3 origin into its CSP, so a pinned port lets the
// next run reuse the build instead of making a new one (next-build.ts compares the origin).
const storage = await startStorage({ dataDir, port: Number(process.env.BENCH_S3_PORT ?? 0) });
console.log(`${READY}${JSON.stringify(storage.env)}`);

process.on("SIGTERM", () => void storage.stop().then(() => process.exit(0)));
