import path from "node:path";
import { parseEnv } from "@/lib/env";
import { startDatabase } from "@/scripts/stack/database";
import { startStorage } from "@/scripts/stack/storage";
import { startSimulatorIfNoKeys } from "@/scripts/stack/simulator";

// Everything the studio needs besides its own processes, each taken from configuration when given and started
// embedded otherwise. Shared by `npm run dev` and the test suite so both come up the same way.

export type StackOptions = {
  dataDir: string;
  ports: { postgres: number; s3: number; simulator: number };
  databaseName: string;
  /** The variables the stack was given (process.env for dev, a tailored copy for tests). */
  given: Record<string, string | undefined>;
  log?: (line: string) => void;
};

export type Stack = {
  env: Record<string, string>;
  embedded: { database: boolean; storage: boolean; simulator: boolean };
  stop: () => Promise<void>;
};

export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.info(line));
  const given = options.given;
  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stoppers.reverse()) await s().catch((e) => console.error("[stack] stop failed", e));
  };
  try {
    const database = await startDatabase({
      url: given.DATABASE_URL || undefined,
      dataDir: path.join(options.dataDir, "postgres"),
      port: options.ports.postgres,
      database: options.databaseName,
    });
    stoppers.push(database.stop);
    log(`database  ${database.embedded ? "embedded PostgreSQL" : "DATABASE_URL"} ${redact(database.url)}`);

    const storage = await startStorage({
      endpoint: given.S3_ENDPOINT || undefined,
      dataDir: path.join(options.dataDir, "s3"),
      port: options.ports.s3,
    });
    stoppers.push(storage.stop);
    log(`storage   ${storage.embedded ? `embedded S3 (s3rver) ${storage.env.S3_ENDPOINT}` : given.S3_ENDPOINT ?? "AWS S3"}`);

    const simulator = await startSimulatorIfNoKeys({ given, port: options.ports.simulator });
    if (simulator) stoppers.push(simulator.stop);
    log(`providers ${simulator ? `simulator ${simulator.url} (no provider keys configured)` : "real provider APIs"}`);

    const env = Object.fromEntries(
      Object.entries({ ...given, DATABASE_URL: database.url, ...storage.env, ...(simulator?.env ?? {}) }).filter(
        (e): e is [string, string] => typeof e[1] === "string",
      ),
    );
    parseEnv(env);
    return {
      env,
      embedded: { database: database.embedded, storage: storage.embedded, simulator: Boolean(simulator) },
      stop,
    };
  } catch (error) {
    // Leave nothing running behind a failed start (a bad variable, a port in use).
    await stop();
    throw error;
  }
}

function redact(url: string) {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:***@");
}
