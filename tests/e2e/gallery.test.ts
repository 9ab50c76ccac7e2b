import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { launchBrowser, SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { pressTileAction } from "@/tests/helpers/tile-action";
import { studioTab, until } from "@/tests/helpers/studio-page";
import { sim } from "@/tests/helpers/pipeline";
import { createProjectRow } from "@/prisma/factories/create-project";
import { insertBulkAssets } from "@/prisma/factories/insert-bulk-assets";

// Issue 12 items 4, 5, 8, 9: the project page's gallery in Chromium against the real stack. A generation finishing
// shows its images without a reload; favourites made from a tile filter through the URL; a selection is favourited in
// bulk; a delete is undone from its toast; a second delete is restored from the trash view. Every step is checked in
// the database too, so the page cannot merely look right.

let browser: Browser;
let owner: Awaited<ReturnType<typeof memberOfNewTeam>>;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  await sim("/faults", { method: "DELETE" });
  owner = await memberOfNewTeam("owner");
  page = await studioTab(browser, owner.sessionToken, { width: 1440, teamId: owner.team.id });
});

afterAll(async () => {
  await browser?.close();
});

const projectUrl = (search = "") => `${inject("appUrl")}/projects/${owner.project.id}${search}`;
const tiles = () => page.locator("[data-testid=gallery-grid] [data-asset-id]");
const tile = (assetId: string) => page.locator(`[data-testid=gallery-grid] [data-asset-id="${assetId}"]`);
const tileIds = () => tiles().evaluateAll((els) => els.map((el) => el.getAttribute("data-asset-id")!));

const tileAction = (assetId: string, name: string) => pressTileAction(page, tile(assetId), name);

/** A new project of the owner's team holding `count` assets over the images the first test generated (same S3 files). */
async function projectOfCopies(name: string, count: number) {
  const images = (await db.asset.findMany({ where: { projectId: owner.project.id } })).map((a) => ({
    storageKey: a.storageKey, thumbSmallKey: a.thumbSmallKey, thumbLargeKey: a.thumbLargeKey, width: a.width, height: a.height,
    bytes: a.bytes, format: a.format, sha256: a.sha256, thumbhash: a.thumbhash,
  }));
  const project = await createProjectRow({ teamId: owner.team.id, name, createdById: owner.user.id });
  await insertBulkAssets({ teamId: owner.team.id, projectId: project.id, count, images, createdByIds: [owner.user.id] });
  return project;
}

describe("the project gallery", { timeout: 180_000 }, () => {
  it("shows a generation's images as they finish, without a reload", async () => {
    await page.goto(projectUrl());
    await page.getByRole("heading", { name: "No images yet" }).waitFor();
    // A full page load would lose this mark: its survival proves the images arrived through the live stream.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    const res = await owner.api(`/api/v1/projects/${owner.project.id}/generations`, {
      method: "POST",
      body: JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: "wavespeed", parameters: { prompt: "a glass greenhouse in fog", num_images: 4, aspect_ratio: "16:9" } }),
    });
    expect(res.status, await res.clone().text()).toBe(202);
    // The queue shows it while it runs, then the gallery holds its four images.
    await until(() => tiles().count()).toBe(4);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await until(() => page.getByTestId("live-region").textContent()).toMatch(/new image/);
    await until(() => page.locator("[data-testid=gallery-grid] img").evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/gallery-arrived-1440.png` });
  });

  it("favourites two from their tiles, then shows only those when the URL asks for favourites", async () => {
    const [a, b] = await tileIds();
    await tileAction(a!, "Add to favourites");
    await tileAction(b!, "Add to favourites");
    await until(async () => (await db.asset.findMany({ where: { projectId: owner.project.id, favourite: true } })).map((x) => x.id).sort()).toEqual([a, b].sort());
    await page.goto(projectUrl("?fav=true"));
    await until(() => tileIds().then((ids) => ids.sort())).toEqual([a, b].sort());
    expect(await page.getByRole("button", { name: "Remove filter Favourites", exact: true }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/gallery-favourites-1440.png` });
  });

  it("selects two with click and shift-click and favourites them in bulk", async () => {
    await page.goto(projectUrl());
    await until(() => tiles().count()).toBe(4);
    const ids = await tileIds();
    const [, , c, d] = ids;
    await tile(c!).hover();
    await tile(c!).getByRole("button", { name: "Select image", exact: true }).click();
    await tile(d!).click({ modifiers: ["Shift"] });
    const bar = page.getByRole("region", { name: "Selection" });
    await until(() => bar.getByText("2 selected").count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/gallery-selection-1440.png` });
    await bar.getByRole("button", { name: "Favourite", exact: true }).click();
    await until(async () => (await db.asset.count({ where: { projectId: owner.project.id, favourite: true } }))).toBe(4);
    // Still on the same page: a plain click on a tile while something is selected selects, it doesn't navigate.
    expect(new URL(page.url()).pathname).toBe(`/projects/${owner.project.id}`);
    await bar.getByRole("button", { name: "Clear selection", exact: true }).click();
    await until(() => bar.count()).toBe(0);
  });

  it("shows a teammate's trash and restore in an open tab (asset.changed)", async () => {
    const [first] = await tileIds();
    // Another session (the API with the same member's cookie stands in for a teammate's tab) trashes it.
    expect((await owner.api(`/api/v1/assets/${first}`, { method: "DELETE" })).status).toBe(200);
    await until(() => tile(first!).count()).toBe(0);
    expect((await owner.api(`/api/v1/assets/${first}/restore`, { method: "POST" })).status).toBe(200);
    await until(() => tile(first!).count()).toBe(1);
  });

  it("deletes an image to the trash and undoes it from the toast", async () => {
    const [first] = await tileIds();
    await tileAction(first!, "Delete");
    await until(() => tile(first!).count()).toBe(0);
    await until(async () => (await db.asset.findUniqueOrThrow({ where: { id: first! } })).deletedAt).not.toBeNull();
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await until(() => tile(first!).count()).toBe(1);
    await until(async () => (await db.asset.findUniqueOrThrow({ where: { id: first! } })).deletedAt).toBeNull();
    // Back at its old place, first.
    expect((await tileIds())[0]).toBe(first);
  });

  it("deletes again and restores from the trash view", async () => {
    const [first] = await tileIds();
    await tileAction(first!, "Delete");
    await until(() => tile(first!).count()).toBe(0);
    await until(async () => (await db.asset.findUniqueOrThrow({ where: { id: first! } })).deletedAt).not.toBeNull();
    await page.getByRole("button", { name: "Trash", exact: true }).click();
    await until(() => new URL(page.url()).searchParams.get("view")).toBe("trash");
    await until(() => tileIds()).toEqual([first]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/gallery-trash-1440.png` });
    await tileAction(first!, "Restore");
    await page.getByRole("heading", { name: "The trash is empty" }).waitFor();
    await until(async () => (await db.asset.findUniqueOrThrow({ where: { id: first! } })).deletedAt).toBeNull();
    await page.getByRole("button", { name: "Gallery", exact: true }).click();
    await until(() => tile(first!).count()).toBe(1);
    await until(() => tiles().count()).toBe(4);
  });

  it("reaches a tile's actions from the keyboard: focus mounts them, next in tab order", async () => {
    await page.goto(projectUrl());
    await until(() => tiles().count()).toBe(4);
    const [, second] = await tileIds();
    // Mounted lazily (pointer-enter or focus): a tile nobody pointed at or focused has none yet.
    await page.mouse.move(0, 0);
    expect(await tile(second!).getByRole("link", { name: "Download", exact: true }).count()).toBe(0);
    await tile(second!).getByRole("link").first().focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Select image");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => ({ label: document.activeElement?.getAttribute("aria-label"), tile: document.activeElement?.closest("[data-asset-id]")?.getAttribute("data-asset-id") }));
    expect(focused).toEqual({ label: expect.stringMatching(/favourites/), tile: second });
  });

  it("adds one image to a collection from its tile and takes it out again (issue 14 point 3)", async () => {
    const created = await owner.api(`/api/v1/projects/${owner.project.id}/collections`, { method: "POST", body: JSON.stringify({ name: "Tile picks" }) });
    expect(created.status, await created.clone().text()).toBe(201);
    const collection = (await created.json()) as { id: string };
    const members = () => db.collectionAsset.findMany({ where: { collectionId: collection.id } }).then((rows) => rows.map((r) => r.assetId));
    const [first] = await tileIds();
    await tileAction(first!, "Add to collection");
    await page.getByRole("menuitem", { name: "Tile picks", exact: true }).first().click();
    await until(members).toEqual([first]);
    await tileAction(first!, "Add to collection");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/gallery-tile-collection-1440.png` });
    await page.getByRole("menuitem", { name: "Tile picks", exact: true }).last().click();
    await until(members).toEqual([]);
  });

  it("sends the first tiles and the generate form in the first HTML, not in a late-streamed Suspense segment (LCP)", async () => {
    // React reveals a streamed boundary's content no sooner than 300 ms after the shell's first paint; the project page
    // once sat in one (a loading.tsx), which held the gallery's first paint back by that much. Late content arrives
    // as <div hidden id="S:…"> segments; none may hold a tile, or the panel (it would pop in after the gallery).
    const res = await fetch(projectUrl(), { headers: { cookie: `authjs.session-token=${owner.sessionToken}; studio-team=${owner.team.id}` } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const firstTile = html.indexOf("data-asset-id=");
    const prompt = html.indexOf('id="prompt"');
    expect(firstTile).toBeGreaterThan(0);
    expect(prompt).toBeGreaterThan(0);
    const segments = [...html.matchAll(/<div hidden id="S:/g)].map((m) => m.index);
    expect(segments.filter((at) => at < firstTile || at < prompt)).toEqual([]);
  });

  it("asks for the first tiles' images from the document's head, and fetches each of them once", async () => {
    // The preloads carry the tiles' own srcset and sizes: with any difference the browser would pick and fetch a
    // second file for the same tile.
    const res = await fetch(projectUrl(), { headers: { cookie: `authjs.session-token=${owner.sessionToken}; studio-team=${owner.team.id}` } });
    const html = await res.text();
    const head = html.slice(0, html.indexOf("</head>"));
    const preloads = [...head.matchAll(/<link(?=[^>]*rel="preload")(?=[^>]*as="image")[^>]*>/g)].map((m) => m[0]);
    expect(preloads).toHaveLength(4);
    const firstStyle = head.search(/<style|<link[^>]*rel="stylesheet"/);
    expect(head.indexOf(preloads[0]!)).toBeLessThan(firstStyle === -1 ? head.length : firstStyle);
    const unescape = (v: string) => v.replaceAll("&amp;", "&");
    const firstImg = /<div data-asset-id="[^"]+"[^>]*>[\s\S]*?<img ([^>]*)>/.exec(html)![1]!;
    const attr = (tag: string, name: string) => unescape(new RegExp(` ${name}="([^"]*)"`, "i").exec(tag)?.[1] ?? "(none)");
    expect(attr(preloads[0]!, "imageSrcSet")).toBe(attr(firstImg, "srcSet"));
    expect(attr(preloads[0]!, "imageSizes")).toBe(attr(firstImg, "sizes"));

    const tab = await studioTab(browser, owner.sessionToken, { width: 1440, teamId: owner.team.id });
    const requested: string[] = [];
    tab.on("request", (r) => { if (r.resourceType() === "image" && !r.url().startsWith("data:")) requested.push(r.url()); });
    await tab.goto(projectUrl());
    await until(() => tab.locator("[data-testid=gallery-grid] img").evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete))).toBe(true);
    const twice = requested.filter((url, i) => requested.indexOf(url) !== i);
    expect(twice).toEqual([]);
    await tab.context().close();
  });

  it("serializes only the first 48 assets into the HTML and fetches the rest after hydration without a scroll", async () => {
    // Every asset in the HTML is RSC payload parsed before the first paint (BENCHMARKS.md, session 9): a project of 60
    // must send 48 (FIRST_PAGE_SIZE), not a whole page of 120, and the grid must then load the other 12 unasked.
    const big = await projectOfCopies("Sixty", 60);
    const url = `${inject("appUrl")}/projects/${big.id}`;
    const res = await fetch(url, { headers: { cookie: `authjs.session-token=${owner.sessionToken}; studio-team=${owner.team.id}` } });
    const html = await res.text();
    expect(new Set(html.match(/ast_[0-9A-Za-z]+/g)).size).toBe(48);
    // No scrolling, on a phone (the narrowest layout, the most rows): the grid's first layout must ask for the rest.
    const phone = await studioTab(browser, owner.sessionToken, { width: 390, teamId: owner.team.id });
    await phone.goto(url);
    await phone.getByText("60 images", { exact: true }).waitFor({ timeout: 15_000 });
    expect(await phone.evaluate(() => window.scrollY)).toBe(0);
    await phone.context().close();
  });

  it("keeps the rows on screen and the pages coming when something above the gallery changes height", async () => {
    // The queue sits above the gallery's section, outside it: it grows while work runs and collapses when it ends.
    // The virtualizer places rows by the grid's page offset; once that offset was only re-read when the grid or its
    // section resized, a taller or shorter block above left the rendered rows off the screen by that much, and the
    // last rows (the ones that ask for the next page) never rendered: a stall like the bench's at 112 images.
    const many = await projectOfCopies("Four hundred", 400);
    const tab = await studioTab(browser, owner.sessionToken, { width: 1440, teamId: owner.team.id });
    await tab.goto(`${inject("appUrl")}/projects/${many.id}`);
    await tab.waitForFunction(() => document.querySelector("[data-testid=gallery-grid]")?.classList.contains("relative"));
    // Does a rendered tile cross the middle of the screen? (Rows rendered for the wrong offset leave it on the grid's
    // empty box.) Any tile counts: a partial last row leaves blank space beside it, and gaps run between tiles.
    const centreOnTile = () => tab.evaluate(() => [...document.querySelectorAll("[data-asset-id]")].some((el) => {
      const box = el.getBoundingClientRect();
      return box.top <= window.innerHeight / 2 + 4 && box.bottom >= window.innerHeight / 2 - 4;
    }));
    const spacer = (height: number) => tab.evaluate((h) => {
      let el = document.getElementById("test-spacer");
      if (!el) {
        el = Object.assign(document.createElement("div"), { id: "test-spacer" });
        document.getElementById("main")!.prepend(el);
      }
      el.style.height = `${h}px`;
    }, height);
    const scrollToEnd = async () => {
      for (let step = 0; step < 200; step++) {
        const atEnd = await tab.evaluate(() => {
          window.scrollBy(0, window.innerHeight * 0.8);
          return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
        });
        // A frame for the virtualizer's update after the scroll event.
        await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        if (await tab.getByText("400 images", { exact: true }).isVisible()) return;
        const grid = await tab.getByTestId("gallery-grid").boundingBox();
        if (grid && grid.y < 450 && grid.y + grid.height > 450) expect(await centreOnTile(), `step ${step}`).toBe(true);
        if (atEnd) await tab.waitForTimeout(200);
      }
    };
    await spacer(1500);
    await scrollToEnd();
    await tab.getByText("400 images", { exact: true }).waitFor({ timeout: 10_000 });
    // And shorter again: the block above collapses while the viewer is deep in the grid.
    await spacer(0);
    await tab.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await centreOnTile()).toBe(true);
    await tab.context().close();
  });

  it("re-lays the rows out within the frame of a resize: no frame is laid out at the old width", async () => {
    await page.goto(projectUrl());
    await until(() => tiles().count()).toBe(4);
    await page.waitForFunction(() => document.querySelector("[data-testid=gallery-grid]")?.classList.contains("relative"));
    await page.evaluate(() => {
      const w = window as unknown as { overflowSeen: number[] };
      w.overflowSeen = [];
      // Created after the grid's own observer, so within a frame it is called after that one (before the paint): it
      // sees what that frame will paint. Before the fix the grid only scheduled a render there, and this saw the old
      // width's rows sticking out sideways.
      new ResizeObserver(() => w.overflowSeen.push(document.documentElement.scrollWidth - window.innerWidth))
        .observe(document.querySelector("[data-testid=gallery-grid]")!);
    });
    await page.setViewportSize({ width: 390, height: 900 });
    const seen = () => page.evaluate(() => (window as unknown as { overflowSeen: number[] }).overflowSeen);
    await until(() => seen().then((s) => s.length)).toBeGreaterThan(1);
    expect(Math.max(...(await seen()))).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it("holds at 820 and 390 px", async () => {
    for (const width of [820, 390]) {
      const narrow = await studioTab(browser, owner.sessionToken, { width, teamId: owner.team.id });
      await narrow.goto(projectUrl());
      await narrow.locator("[data-asset-id] img").first().waitFor();
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await narrow.screenshot({ path: `${SCREENSHOT_DIR}/gallery-${width}.png`, fullPage: true });
      await narrow.context().close();
    }
  });
});
