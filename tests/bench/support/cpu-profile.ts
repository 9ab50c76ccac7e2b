import fs from "node:fs/promises";
import path from "node:path";
import { ROOT } from "./processes";

// `BENCH_CPU_PROFILE=1 npm run bench -- webhook` starts Next and the worker under --cpu-prof; after teardown the
// profiles (test-results/bench-profiles/<process>/*.cpuprofile, open them in Chrome DevTools) are summarised here as the
// functions and packages with the most self time — the "what dominates" answer for a route that is too slow.

export const PROFILE_DIR = path.join(ROOT, "test-results", "bench-profiles");

/** Node flags for a process to profile (they are not allowed in NODE_OPTIONS). */
export function profileNodeArgs(name: string): string[] {
  if (!process.env.BENCH_CPU_PROFILE) return [];
  return ["--cpu-prof", `--cpu-prof-dir=${path.join(PROFILE_DIR, name)}`];
}

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples?: number[]; startTime: number; endTime: number };

export async function summarizeProfiles(top = 12): Promise<string[]> {
  const files = (await fs.readdir(PROFILE_DIR, { recursive: true }).catch(() => [] as string[])).filter((f) => f.endsWith(".cpuprofile"));
  const lines: string[] = [];
  for (const file of files) {
    const profile = JSON.parse(await fs.readFile(path.join(PROFILE_DIR, file), "utf8")) as Profile;
    const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
    if (total === 0) continue;
    const byFunction = new Map<string, number>();
    const byPackage = new Map<string, number>();
    for (const n of profile.nodes) {
      const hits = n.hitCount ?? 0;
      if (!hits) continue;
      const where = shortUrl(n.callFrame.url);
      const fn = `${n.callFrame.functionName || "(anonymous)"} ${where}${where ? `:${n.callFrame.lineNumber + 1}` : ""}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
      const pkg = packageOf(n.callFrame);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
    }
    const pct = (h: number) => `${((h / total) * 100).toFixed(1)}%`;
    const seconds = (profile.endTime - profile.startTime) / 1e6;
    lines.push(`${file} (${seconds.toFixed(0)} s profiled)`);
    lines.push(`  by package: ${[...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([p, h]) => `${p} ${pct(h)}`).join(", ")}`);
    for (const [fn, hits] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(hits).padStart(6)}  ${fn}`);
  }
  return lines;
}

function shortUrl(url: string) {
  return url.replace(/^file:\/\//, "").replace(`${ROOT}/`, "");
}

function packageOf(frame: Node["callFrame"]): string {
  if (!frame.url) return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  const url = shortUrl(frame.url);
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  if (url.startsWith("node:")) return "node:internal";
  if (url.includes(".next-test-bench")) return "app bundle";
  return url.split("/")[0] ?? url;
}
