import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as Glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PgMigrationFactory } from "./pg-migration-factory";

// `prisma migrate` needs the native schema-engine binary, which cannot be downloaded here. Prisma's own
// schema engine compiled to wasm, driven through the pg driver adapter, does the same work in-process.

export type { SchemaEngine };
export const NO_FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };

export interface SchemaFile {
  path: string;
  content: string;
}

// A Rust panic reports its message here (the Prisma CLI sets up the same registry), then traps with a bare
// "RuntimeError: unreachable" from inside a callback: the pending call would never settle. So calls in flight
// are failed with the message, and the instance, which is unusable after a panic, is refused from then on.
const inFlight = new Set<(error: Error) => void>();
let panicked: string | undefined;
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    panicked = message;
    for (const fail of inFlight) fail(new Error(`Prisma schema engine (wasm) panicked: ${message}`));
  },
};

// The engine arms long timers (a 10 s advisory-lock timeout) and leaves them pending after a call returns,
// which would keep a finished CLI alive; they are unref'd once no engine is in use.
const engineTimers = new Set<NodeJS.Timeout>();
let enginesInUse = 0;

function trackedSetTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    engineTimers.delete(timer);
    callback();
  }, ms >>> 0);
  engineTimers.add(timer);
  return timer;
}

let glue: Promise<typeof Glue> | undefined;

// The package's ESM entry imports the .wasm file as a module, which Node 20 cannot do: instantiate it by
// hand against the wasm-bindgen glue (the same module instance then holds the exports).
function loadGlue(): Promise<typeof Glue> {
  glue ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const mod = (await import(pathToFileURL(gluePath).href)) as typeof Glue;
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const imports: WebAssembly.ModuleImports = { ...(mod as unknown as WebAssembly.ModuleImports) };
    for (const name of Object.keys(mod)) if (name.startsWith("__wbg_setTimeout_")) imports[name] = trackedSetTimeout;
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
    mod.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return mod;
  })();
  return glue;
}

// The engine reports JSON log lines; they are noise unless someone is debugging.
function logToStderr(line: string): void {
  if (process.env.DEBUG) process.stderr.write(`[schema-engine] ${String(line).trimEnd()}\n`);
}

/**
 * Runs `fn` with a schema engine connected to `databaseUrl`, then frees the engine and closes every pool and
 * shadow database it opened (so CLIs exit promptly and tests leave nothing behind).
 */
export async function withSchemaEngine<T>(
  options: { databaseUrl: string; schemaFiles?: SchemaFile[] },
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  if (panicked) throw new Error(`Prisma schema engine (wasm) panicked earlier in this process: ${panicked}`);
  const { SchemaEngine } = await loadGlue();
  const factory = new PgMigrationFactory(options.databaseUrl);
  const datamodels = options.schemaFiles?.map((file): [string, string] => [file.path, file.content]);
  let engine: SchemaEngine | undefined;
  let fail: (error: Error) => void = () => undefined;
  const panic = new Promise<never>((_, reject) => (fail = reject));
  inFlight.add(fail);
  enginesInUse++;
  try {
    const run = async () => {
      engine = await SchemaEngine.new({ datamodels }, logToStderr, bindMigrationAwareSqlAdapterFactory(factory));
      return fn(engine);
    };
    return await Promise.race([run(), panic]);
  } finally {
    inFlight.delete(fail);
    if (!panicked) engine?.free();
    await factory.close();
    if (--enginesInUse === 0) for (const timer of engineTimers) timer.unref();
  }
}
