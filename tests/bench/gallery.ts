import http from "node:http";
import { createHash } from "node:crypto";
import sharp from "sharp";
import type { BrowserContext } from "playwright-core";
import { makeThumbnails } from "@/lib/images/make-thumbnails";
import { putObjectOnce } from "@/lib/storage/put-object-once";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { insertBulkAssets, type BulkAssetImage } from "@/prisma/factories/insert-bulk-assets";
import { launchBrowser } from "@/tests/helpers/browser";
import { freePort } from "@/tests/setup/free-port";
import type { BenchStack } from "./support/bench-stack";
import { profileScroll, traceLoad, type LoadTiming } from "./support/gallery-trace";
import type { BenchLog, BenchResult } from "./support/result";
import { median, round, sig4, sleep, summarize } from "./support/stats";

// 5. The gallery at scale (issue 12): a project with 20,000 assets (BENCH_GALLERY_ASSETS), its page opened in
// Chromium against the production build.
// - Largest Contentful Paint of the project page, cold cache, median of RUNS; baseline: a static HTML page served from
//   loopback showing the same first-page thumbnails (same presigned URLs, same S3) in a plain flex grid, same run.
// - Image elements in the DOM after scrolling through 5,000 images (virtualization keeps it flat), and the longest
//   task on the main thread while scrolling (PerformanceObserver "longtask").
// - Server time of a filter and of a prompt search (the assets API over loopback, p50 of 10 after a warm-up).

const ASSETS = Number(process.env.BENCH_GALLERY_ASSETS ?? 20_000);
// Five cold loads (three until session 7): on a shared machine one slow load moved the median of three a lot.
const RUNS = 5;
const SCROLL_THROUGH = 5_000;
const DISTINCT_IMAGES = 12;

export async function benchGallery(stack: BenchStack, log: BenchLog): Promise<BenchResult> {
  const started = Date.now();
  const { user, password } = await createUser();
  const team = await createTeam({ ownerId: user.id, name: "Bench gallery" });
  const project = await createProjectRow({ teamId: team.id, name: "gallery", createdById: user.id });
  const images = await seedImages(team.id);
  await insertBulkAssets({ teamId: team.id, projectId: project.id, count: ASSETS, images, createdByIds: [user.id], spacingMs: 1000 });
  log(`gallery: ${ASSETS} assets seeded over ${images.length} S3 images`);
  const { sessionToken } = await signInWithPassword({ email: user.email, password });
  const cookie = `authjs.session-token=${sessionToken}`;
  const projectUrl = `${stack.appUrl}/projects/${project.id}`;

  // The first page the gallery asks for, for the static baseline (the same presigned thumbnail URLs).
  type FirstPage = { data: { width: number; height: number; urls: { thumbLarge: string; thumbSmall: string }; recipe: { prompt: string | null } }[] };
  let firstPage: FirstPage | null = null;
  // A cold server at load 40 once answered this first request with an error: try a few times, then say what it said.
  for (let attempt = 1; !firstPage; attempt++) {
    const res = await fetch(`${stack.appUrl}/api/v1/projects/${project.id}/assets?sort=newest&limit=120`, { headers: { cookie } });
    if (res.ok) firstPage = (await res.json()) as FirstPage;
    else if (attempt >= 5) throw new Error(`the assets API answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    else await sleep(2000);
  }
  const staticServer = await serveStatic(staticGallery(firstPage.data));

  const browser = await launchBrowser();
  try {
    const context = async (): Promise<BrowserContext> => {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const url = new URL(stack.appUrl);
      await ctx.addCookies([{ name: "authjs.session-token", value: sessionToken, domain: url.hostname, path: "/", httpOnly: true, sameSite: "Lax" }]);
      await ctx.addInitScript(OBSERVERS);
      return ctx;
    };
    // Warm the server (first render compiles nothing in production, but fills Prisma's and Next's caches).
    await lcp(context, projectUrl, "[data-asset-id] img");
    await lcp(context, staticServer.url, "img");
    const galleryLoads: LoadTiming[] = [];
    const baselineLoads: LoadTiming[] = [];
    for (let i = 0; i < RUNS; i++) {
      galleryLoads.push(await lcp(context, projectUrl, "[data-asset-id] img"));
      baselineLoads.push(await lcp(context, staticServer.url, "img"));
    }
    // The same comparison for a returning visitor (a team member opening the studio again): both pages warm.
    const galleryWarm = await warmLcp(context, projectUrl, "[data-asset-id] img", RUNS);
    const baselineWarm = await warmLcp(context, staticServer.url, "img", RUNS);
    const lcpGalleryWarm = median(galleryWarm.map((l) => l.lcp));
    const lcpStaticWarm = median(baselineWarm.map((l) => l.lcp));
    const gallery = galleryLoads.map((l) => l.lcp);
    const baseline = baselineLoads.map((l) => l.lcp);
    const lcpGallery = median(gallery);
    const lcpStatic = median(baseline);
    const ttfb = median(galleryLoads.map((l) => l.ttfb));
    log(`gallery: LCP ${round(lcpGallery)} ms (TTFB ${round(ttfb)} ms, element ${galleryLoads.at(-1)?.lcpElement}), static ${round(lcpStatic)} ms`);
    // BENCH_CPU_PROFILE=1: a Chromium trace of one more cold load, summarised (what the main thread did before LCP).
    const loadTrace = process.env.BENCH_CPU_PROFILE ? await traceLoad(await context(), projectUrl) : null;
    if (loadTrace) log(`gallery: cold load trace\n${loadTrace.join("\n")}`);
    const warmTrace = process.env.BENCH_CPU_PROFILE ? await traceLoad(await context(), projectUrl, { warmUps: 2, name: "warm-load" }) : null;
    if (warmTrace) log(`gallery: returning visitor's load trace\n${warmTrace.join("\n")}`);

    const scroll = await scrollThrough(await context(), projectUrl);
    if (scroll.profileLines.length) log(scroll.profileLines.join("\n"));
    log(`gallery: scrolled ${scroll.seen} images, ${scroll.imgElements} <img> in the DOM, longest task ${scroll.longestTask} ms`);

    const timed = async (query: string) => {
      const times: number[] = [];
      for (let i = 0; i < 11; i++) {
        const t = performance.now();
        const res = await fetch(`${stack.appUrl}/api/v1/projects/${project.id}/assets?${query}`, { headers: { cookie } });
        await res.arrayBuffer();
        if (i > 0) times.push(performance.now() - t);
      }
      return summarize(times);
    };
    const filter = await timed("sort=newest&limit=120&model=kling-o3&aspectRatio=16:9");
    const search = await timed("sort=newest&limit=120&q=bicycle");
    return {
      id: "gallery",
      title: `5. Gallery at scale (${ASSETS.toLocaleString("en")} assets, Chromium, production build)`,
      rows: [
        { metric: `TTFB of the project page (server render), median of ${RUNS}`, value: round(ttfb), unit: "ms", baseline: { label: "static HTML", value: round(median(baselineLoads.map((l) => l.ttfb))) } },
        { metric: `LCP of the project page, median of ${RUNS} cold loads`, value: round(lcpGallery), unit: "ms", baseline: { label: "static HTML, same thumbnails", value: round(lcpStatic) }, ratio: sig4(lcpGallery / lcpStatic), goal: "< 1500 ms and ≤ 1.5× static", met: lcpGallery < 1500 && lcpGallery <= 1.5 * lcpStatic },
        { metric: `LCP of the project page, median of ${RUNS} loads by a returning visitor (cached scripts and images)`, value: round(lcpGalleryWarm), unit: "ms", baseline: { label: "static HTML, returning visitor", value: round(lcpStaticWarm) }, ratio: sig4(lcpGalleryWarm / lcpStaticWarm) },
        { metric: `<img> elements after scrolling through ${scroll.seen} images`, value: scroll.imgElements, unit: "elements", goal: "< 500", met: scroll.imgElements < 500 && scroll.seen >= SCROLL_THROUGH },
        { metric: `longest main-thread task while scrolling through ${scroll.seen} images`, value: scroll.longestTask, unit: "ms", goal: "≤ 200 ms", met: scroll.longestTask <= 200 && scroll.seen >= SCROLL_THROUGH },
        { metric: "filter (model + aspect ratio), p50 over loopback", value: round(filter.p50), unit: "ms", goal: "< 200 ms", met: filter.p50 < 200 },
        { metric: "prompt search (trigram), p50 over loopback", value: round(search.p50), unit: "ms", goal: "< 200 ms", met: search.p50 < 200 },
      ],
      notes: [
        `LCP samples: gallery ${gallery.map(round).join(", ")} ms; static ${baseline.map(round).join(", ")} ms.`,
        `Returning visitor LCP samples: gallery ${galleryWarm.map((l) => round(l.lcp)).join(", ")} ms (FCP ${galleryWarm.map((l) => round(l.fcp)).join(", ")}); static ${baselineWarm.map((l) => round(l.lcp)).join(", ")} ms.`,
        `TTFB samples: gallery ${galleryLoads.map((l) => round(l.ttfb)).join(", ")} ms; FCP ${galleryLoads.map((l) => round(l.fcp)).join(", ")} ms.`,
        `LCP element of the gallery: ${[...new Set(galleryLoads.map((l) => l.lcpElement))].join(" | ")}; static: ${[...new Set(baselineLoads.map((l) => l.lcpElement))].join(" | ")}.`,
        `scrolling: ${scroll.steps} steps of one screen every 50 ms; ${scroll.longTasks} long tasks (> 50 ms), the longest ${scroll.topTasks.join(", ")} ms.` +
          (scroll.stall === null ? "" : ` The scroll STALLED at ${scroll.seen} images (no new image for 30 s); the gallery's footer said: "${scroll.stall}".`),
        `API times include the loopback HTTP round trip, so they bound the server time from above.`,
      ],
      details: { galleryLoads, baselineLoads, galleryWarm, baselineWarm, loadTrace, warmTrace, scroll, filter, search },
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await browser.close();
    staticServer.close();
  }
}

// Installed before any page script: LCP and long tasks as the browser reports them.
const OBSERVERS = `
  window.__lcp = 0; window.__lcpEl = ""; window.__longTasks = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      window.__lcp = e.startTime;
      const el = e.element;
      const tile = el && el.closest && el.closest("[data-asset-id]");
      window.__lcpEl = (el ? el.tagName.toLowerCase() : "?") + (tile ? " in tile #" + [...document.querySelectorAll("[data-asset-id]")].indexOf(tile) : "") + " " + e.size + " px², " + (e.url ? (e.url.includes("-l.webp") ? "large thumbnail" : e.url.includes("-s.webp") ? "small thumbnail" : "other url") : "text") + ", load " + Math.round(e.loadTime) + " ms, render " + Math.round(e.renderTime) + " ms";
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: "longtask", buffered: true });
`;

async function lcp(context: () => Promise<BrowserContext>, url: string, selector: string): Promise<LoadTiming> {
  const ctx = await context();
  try {
    return await measureLoad(ctx, url, selector);
  } finally {
    await ctx.close();
  }
}

/**
 * A returning visitor: one browser context (one HTTP cache, one V8 code cache) that has loaded the page twice before
 * (the second run is when Chromium stores compiled code), then `runs` loads measured. For the studio page the
 * scripts then come from the cache, compiled; for both pages the thumbnails do too (their presigned URLs are stable
 * for a signing window).
 */
async function warmLcp(context: () => Promise<BrowserContext>, url: string, selector: string, runs: number): Promise<LoadTiming[]> {
  const ctx = await context();
  try {
    for (let i = 0; i < 2; i++) await measureLoad(ctx, url, selector);
    const loads: LoadTiming[] = [];
    for (let i = 0; i < runs; i++) loads.push(await measureLoad(ctx, url, selector));
    return loads;
  } finally {
    await ctx.close();
  }
}

async function measureLoad(ctx: BrowserContext, url: string, selector: string): Promise<LoadTiming> {
  const page = await ctx.newPage();
  try {
    // The default 30 s timed out on a machine at load 25.
    await page.goto(url, { timeout: 120_000 });
    await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].slice(0, 6).every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0) && document.querySelectorAll(sel).length > 0, selector, { timeout: 120_000 });
    // The images being complete is not their paint: at load 35 the static page had reported no LCP entry 500 ms later.
    // And not only text: on a starved main thread the first entry was a 2,720 px² span while the images, already
    // complete, were not painted yet. Both pages' largest paint is a thumbnail; wait (60 s at most) for one.
    await page.waitForFunction(() => (window as unknown as { __lcpEl: string }).__lcpEl.includes("thumbnail"), undefined, { timeout: 60_000 }).catch(() => undefined);
    await sleep(500); // LCP entries are final once the page settles
    return await page.evaluate(() => {
      const w = window as unknown as { __lcp: number; __lcpEl: string };
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
      return { lcp: w.__lcp, lcpElement: w.__lcpEl, ttfb: nav?.responseStart ?? 0, fcp };
    });
  } finally {
    await page.close();
  }
}

async function scrollThrough(ctx: BrowserContext, url: string) {
  const page = await ctx.newPage();
  await page.goto(url, { timeout: 120_000 });
  await page.locator("[data-asset-id] img").first().waitFor({ timeout: 120_000 });
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  // BENCH_CPU_PROFILE=1: the renderer's JavaScript profile while scrolling (test-results/bench-profiles/chromium/).
  const stopProfile = process.env.BENCH_CPU_PROFILE ? await profileScroll(page) : null;
  const seen = new Set<string>();
  let steps = 0;
  // Until 5,000 distinct images have been on screen; a stall (no new image for 30 s: the next page never came) ends
  // the loop and is reported with what the gallery's footer said, instead of passing off a short scroll as the figure.
  let stalledSince = Date.now();
  let stall: string | null = null;
  for (; seen.size < SCROLL_THROUGH; steps++) {
    const ids = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return [...document.querySelectorAll("[data-asset-id]")].map((el) => el.getAttribute("data-asset-id")!);
    });
    const before = seen.size;
    for (const id of ids) seen.add(id);
    if (seen.size > before) stalledSince = Date.now();
    else if (Date.now() - stalledSince > 30_000) {
      stall = await page.locator("[data-testid=gallery-grid] + div").innerText().catch(() => "(no footer)");
      break;
    }
    await sleep(50);
  }
  await sleep(500);
  const profileLines = (await stopProfile?.()) ?? [];
  const result = await page.evaluate(() => ({
    imgElements: document.querySelectorAll("img").length,
    longTasks: (window as unknown as { __longTasks: number[] }).__longTasks,
  }));
  await ctx.close();
  return { seen: seen.size, stall, steps, imgElements: result.imgElements, longestTask: round(Math.max(0, ...result.longTasks)), longTasks: result.longTasks.length, topTasks: [...result.longTasks].sort((a, b) => b - a).slice(0, 5).map(round), profileLines };
}

/** A handful of distinct real images in S3 (originals + the ingest's thumbnails), shared by all assets. */
async function seedImages(teamId: string): Promise<BulkAssetImage[]> {
  const images: BulkAssetImage[] = [];
  for (let i = 0; i < DISTINCT_IMAGES; i++) {
    const [w, h] = ([[1360, 768], [1024, 1024], [768, 1360], [1184, 888]] as const)[i % 4]!;
    const png = await sharp({ create: { width: w, height: h, channels: 3, background: { r: (i * 53) % 256, g: (i * 97) % 256, b: (i * 151) % 256 } } })
      .composite([{ input: Buffer.from(`<svg width="${w}" height="${h}"><circle cx="${w / 2}" cy="${h / 2}" r="${Math.min(w, h) / 3}" fill="white" fill-opacity="0.35"/></svg>`) }])
      .png()
      .toBuffer();
    const sha256 = createHash("sha256").update(png).digest("hex");
    const thumbs = await makeThumbnails({ input: png, limitInputPixels: 100_000_000 });
    const key = `teams/${teamId}/bench/${sha256}`;
    await putObjectOnce({ key: `${key}.png`, body: png, contentType: "image/png" });
    await putObjectOnce({ key: `${key}-s.webp`, body: thumbs.small.data, contentType: "image/webp" });
    await putObjectOnce({ key: `${key}-l.webp`, body: thumbs.large.data, contentType: "image/webp" });
    images.push({ storageKey: `${key}.png`, thumbSmallKey: `${key}-s.webp`, thumbLargeKey: `${key}-l.webp`, width: w, height: h, bytes: png.length, format: "png", sha256, thumbhash: thumbs.thumbhash });
  }
  return images;
}

function staticGallery(assets: { width: number; height: number; urls: { thumbLarge: string }; recipe: { prompt: string | null } }[]) {
  const tiles = assets
    .map((a) => `<img src="${a.urls.thumbLarge.replace(/&/g, "&amp;")}" width="${a.width}" height="${a.height}" alt="" style="height:230px;width:auto;flex:1 1 auto;object-fit:cover">`)
    .join("");
  return `<!doctype html><html><head><meta charset="utf-8"><title>static</title></head><body style="margin:0;background:#0b0b0f"><div style="display:flex;flex-wrap:wrap;gap:6px;padding:24px 32px 0 420px">${tiles}</div></body></html>`;
}

async function serveStatic(html: string) {
  const port = await freePort();
  const server = http.createServer((_, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html));
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
