import fs from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { ROOT } from "./processes";

// `BENCH_CPU_PROFILE=1 npm run bench -- gallery`: where the browser's time goes. A Chromium performance trace of one
// cold load of the project page (the timeline up to LCP and the main thread's busy time by kind), and a JavaScript CPU
// profile of the renderer while scrolling, both written to test-results/bench-profiles-chromium/ (open them in
// Chrome DevTools' Performance panel) and summarised as lines for the log.

export type LoadTiming = { lcp: number; lcpElement: string; ttfb: number; fcp: number };

const OUT = path.join(ROOT, "test-results", "bench-profiles-chromium");
const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "loading", "blink.user_timing", "v8.execute", "toplevel"];
const MAIN_THREAD_KINDS = ["ParseHTML", "EvaluateScript", "v8.compile", "FunctionCall", "TimerFire", "EventDispatch", "RunMicrotasks", "UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Decode Image", "MajorGC", "MinorGC", "HitTest"];

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; cat: string; args?: { name?: string; data?: { url?: string; documentLoaderURL?: string; size?: number; candidateIndex?: number } } };

/**
 * Traces one load of `url` in `ctx`. `warmUps` loads first (in their own tabs, closed again) make it a returning
 * visitor's load: scripts from the HTTP cache with their compiled code (Chromium stores it on the second load).
 */
export async function traceLoad(ctx: BrowserContext, url: string, options: { warmUps?: number; name?: string } = {}): Promise<string[]> {
  const browser = ctx.browser()!;
  for (let i = 0; i < (options.warmUps ?? 0); i++) {
    const warm = await ctx.newPage();
    await warm.goto(url, { timeout: 120_000 });
    await warm.locator("[data-asset-id] img").first().waitFor({ timeout: 120_000 });
    await new Promise((r) => setTimeout(r, 1000));
    await warm.close();
  }
  const page = await ctx.newPage();
  await fs.mkdir(OUT, { recursive: true });
  const file = path.join(OUT, `${options.name ?? "cold-load"}.trace.json`);
  await browser.startTracing(page, { path: file, categories: CATEGORIES });
  try {
    await page.goto(url, { timeout: 120_000 });
    await page.locator("[data-asset-id] img").first().waitFor({ timeout: 120_000 });
    await new Promise((r) => setTimeout(r, 3000));
  } catch (error) {
    await browser.stopTracing().catch(() => undefined);
    await ctx.close();
    return [`(the traced load failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)})`];
  }
  const buffer = await browser.stopTracing();
  await ctx.close();
  const { traceEvents } = JSON.parse(buffer.toString("utf8")) as { traceEvents: TraceEvent[] };
  return summarizeLoad(traceEvents, url);
}

export function summarizeLoad(events: TraceEvent[], url: string): string[] {
  // From the navigation's start: the last one before the frame committed to the page (a returning visitor's document
  // request isn't logged as a resource request, and its navigationStart doesn't name the URL yet).
  const commit = events.find((e) => e.name === "FrameCommittedInBrowser" && e.args?.data?.url === url);
  const start = commit
    ? events.filter((e) => e.name === "navigationStart" && e.ts <= commit.ts).at(-1)
    : events.find((e) => e.name === "ResourceSendRequest" && e.args?.data?.url === url);
  if (!start) return ["(no navigation to the page in the trace)"];
  const t0 = start.ts;
  const ms = (ts: number) => `${Math.round((ts - t0) / 1000)}`;
  // The renderer main thread that loaded the page is the one with the most work after the request.
  const mains = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  // (Or the one in the process the page committed in: Chromium's own WebUI pages have busy renderers too.)
  const committedIn = (commit?.args?.data as { processId?: number } | undefined)?.processId;
  const busiest = mains.find((m) => m.pid === committedIn) ?? mains
    .map((m) => ({ m, n: events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ts >= t0).length }))
    .sort((a, b) => b.n - a.n)[0]?.m;
  const lcpCandidates = events.filter((e) => e.name === "largestContentfulPaint::Candidate");
  const lcpAt = lcpCandidates.at(-1)?.ts ?? t0;
  const firstImage = events.find((e) => e.name === "ResourceSendRequest" && e.ts >= t0 && /\.webp/.test(e.args?.data?.url ?? ""));
  const docFinish = events.find((e) => e.name === "ResourceFinish" && e.ts > t0);
  const scripts = events.filter((e) => e.name === "ResourceSendRequest" && e.ts >= t0 && /_next\/static\/.*\.js/.test(e.args?.data?.url ?? ""));
  const lines = [
    `timeline from the navigation's start (ms): first image request ${firstImage ? ms(firstImage.ts) : "none"}, first script request ${scripts[0] ? ms(scripts[0].ts) : "none"}, ` +
      `first resource finished ${docFinish ? ms(docFinish.ts) : "?"}, LCP candidates at ${lcpCandidates.map((e) => ms(e.ts)).join(", ") || "none"}`,
  ];
  if (busiest) {
    const before = events.filter((e) => e.pid === busiest.pid && e.tid === busiest.tid && e.ph === "X" && e.ts >= t0 && e.ts <= lcpAt);
    const byKind = new Map<string, number>();
    for (const e of before) if (MAIN_THREAD_KINDS.includes(e.name)) byKind.set(e.name, (byKind.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    // Top-level tasks only: Chromium nests ThreadControllerImpl::RunTask inside RunTask, and both would count twice.
    const topLevel = before.filter((e) => e.name === "RunTask");
    const tasks = topLevel.length ? topLevel : before.filter((e) => e.name === "ThreadControllerImpl::RunTask");
    const busy = tasks.reduce((s, e) => s + (e.dur ?? 0) / 1000, 0);
    // A task's thread time (`tdur`) is what it ran on a core; far below its wall time, the thread was waiting for one.
    const onCpu = tasks.reduce((s, e) => s + (e.tdur ?? e.dur ?? 0) / 1000, 0);
    const longest = Math.max(0, ...tasks.map((e) => (e.dur ?? 0) / 1000));
    lines.push(`main thread before LCP: ${Math.round(busy)} ms busy (${Math.round(onCpu)} ms of it on a CPU) in ${tasks.length} tasks (longest ${Math.round(longest)} ms); ` +
      [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${Math.round(v)}`).join(", "));
  }
  return lines;
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number };

/** Starts the renderer's CPU profiler; the returned function stops it, saves the profile and summarises it. */
export async function profileScroll(page: Page): Promise<() => Promise<string[]>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
  await cdp.send("Profiler.start");
  return async () => {
    const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: { nodes: ProfileNode[]; startTime: number; endTime: number } };
    await fs.mkdir(OUT, { recursive: true });
    await fs.writeFile(path.join(OUT, "scroll.cpuprofile"), JSON.stringify(profile));
    const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
    const byFunction = new Map<string, number>();
    for (const n of profile.nodes) {
      if (!n.hitCount) continue;
      const where = n.callFrame.url ? ` ${n.callFrame.url.replace(/^https?:\/\/[^/]+/, "")}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}` : "";
      const key = `${n.callFrame.functionName || "(anonymous)"}${where}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + n.hitCount);
    }
    const seconds = (profile.endTime - profile.startTime) / 1e6;
    return [
      `renderer JS profile while scrolling (${seconds.toFixed(1)} s), top self time:`,
      ...[...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([fn, h]) => `  ${((h / total) * 100).toFixed(1).padStart(5)}%  ${fn}`),
    ];
  };
}
