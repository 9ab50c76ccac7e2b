import fs from "node:fs/promises";
import path from "node:path";
import { spawnNode, ROOT } from "./processes";

// The production build the submit and webhook benchmarks run against (`next build` + `npm start`'s scripts/server.ts). Built into its own
// folder (`.next-test-bench`: .gitignore already covers `.next-test*/`), and only again when a source file changed
// since the last successful build, so a second `npm run bench` skips the ~2 minute build.
export const BENCH_DIST_DIR = ".next-test-bench";

const STAMP = "bench-build-stamp.json";
// What the server bundle is made from. tsconfig.json is left out on purpose: every `next dev` in the repo edits it.
const SOURCES = ["app", "lib", "public", "types", "simulator", "prisma", "instrumentation.ts", "instrumentation-node.ts", "next.config.mjs", "package-lock.json"];

export type BuildResult = { mode: "production"; built: boolean; seconds: number } | { mode: "dev"; reason: string };

export async function ensureProductionBuild(options: { env: Record<string, string>; log: (line: string) => void }): Promise<BuildResult> {
  const newest = await newestMtime(SOURCES.map((s) => path.join(ROOT, s)));
  const stampFile = path.join(ROOT, BENCH_DIST_DIR, STAMP);
  const stamp = await fs.readFile(stampFile, "utf8").then((t) => JSON.parse(t) as { newest: number; buildEnv?: string }, () => null);
  const hasBuild = await fs.stat(path.join(ROOT, BENCH_DIST_DIR, "BUILD_ID")).then(() => true, () => false);
  // next.config.mjs fixes the security headers at build time from these, the S3 origin among them (CSP img-src): a
  // build reused with another run's S3 port showed no gallery image at all (every one blocked by the CSP).
  const buildEnv = JSON.stringify({
    s3: options.env.S3_ENDPOINT ?? "",
    pathStyle: options.env.S3_FORCE_PATH_STYLE ?? "",
    oidc: options.env.AUTH_OIDC_ISSUER ?? "",
    https: (options.env.APP_URL ?? "").startsWith("https://"),
  });
  if (stamp && hasBuild && stamp.newest >= newest && stamp.buildEnv === buildEnv) return { mode: "production", built: false, seconds: 0 };

  options.log(`next build → ${BENCH_DIST_DIR} (sources changed since the last bench build)`);
  const started = Date.now();
  const restore = await snapshotFiles(["tsconfig.json", "next-env.d.ts"]);
  try {
    // "compile" then "generate" is a full production build minus Next's type check: types are `npm run typecheck`'s
    // job, and skipping it keeps a colleague's half-typed work in progress from failing the benchmark (and keeps
    // Next from editing tsconfig.json).
    for (const mode of ["compile", "generate"]) {
      const child = spawnNode(`next build (${mode})`, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build", "--experimental-build-mode", mode], {
        ...options.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: BENCH_DIST_DIR,
        NEXT_TELEMETRY_DISABLED: "1",
      });
      const code = await new Promise<number | null>((r) => child.process.once("exit", (c) => r(c)));
      if (code !== 0) {
        const reason = `next build (${mode}) failed (exit ${code}): ${child.output.slice(-15).join("\n")}`;
        options.log(reason);
        return { mode: "dev", reason };
      }
    }
  } finally {
    await restore();
  }
  await fs.writeFile(stampFile, JSON.stringify({ newest, buildEnv, builtAt: new Date().toISOString() }));
  return { mode: "production", built: true, seconds: (Date.now() - started) / 1000 };
}

async function newestMtime(paths: string[]): Promise<number> {
  let newest = 0;
  const visit = async (p: string): Promise<void> => {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of await fs.readdir(p)) if (entry !== "node_modules") await visit(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of paths) await visit(p);
  return newest;
}

/**
 * `next dev` (and a type-checking `next build`) add their dist folder's type globs to tsconfig.json and point
 * next-env.d.ts at it. Those are shared files the benchmark has no business changing, so they are put back — each
 * only when our dist folder is the only change, so a colleague's concurrent edit is never undone.
 */
export async function snapshotFiles(names: string[]) {
  const before = new Map<string, string | null>();
  for (const name of names) before.set(name, await fs.readFile(path.join(ROOT, name), "utf8").catch(() => null));
  return async () => {
    for (const [name, original] of before) {
      const file = path.join(ROOT, name);
      const now = await fs.readFile(file, "utf8").catch(() => null);
      if (original === null || now === null || now === original || !now.includes(BENCH_DIST_DIR)) continue;
      if (name === "tsconfig.json" && !onlyAddedDistGlobs(original, now)) {
        console.warn(`[bench] tsconfig.json gained ${BENCH_DIST_DIR} globs and other changes meanwhile; left as is`);
        continue;
      }
      await fs.writeFile(file, original);
    }
  };
}

function onlyAddedDistGlobs(original: string, now: string): boolean {
  try {
    const a = JSON.parse(now) as { include?: string[] };
    a.include = a.include?.filter((g) => !g.startsWith(BENCH_DIST_DIR));
    return JSON.stringify(a) === JSON.stringify(JSON.parse(original));
  } catch {
    return false;
  }
}
