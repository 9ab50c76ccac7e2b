import fs from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { launchBrowser, SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { sim } from "@/tests/helpers/pipeline";
import { until } from "@/tests/helpers/studio-page";
import { pressTileAction } from "@/tests/helpers/tile-action";

// Issue 12's first "Done means": one user's day in one tab, in Chromium against the production build, real
// PostgreSQL, S3 and the simulator. Sign in, create a project, generate 4 images at 16:9 2K and see them arrive without
// a reload, open one, re-run it, edit it, favourite two, filter to favourites, compare them, download a ZIP and read
// it, delete one and undo, delete again and restore from the trash, then outlive the presigned URLs and see every
// image still load. Every step goes through the UI; the database and the API are only read, to check the UI told the
// truth. The steps share one tab and run in order: a failed step fails the journey.
//
// The stack signs image URLs in ASSET_URL_WINDOW_SECONDS=5 windows (tests/setup/stack-global.ts), so a URL lives at
// most 10 s: the whole suite already runs with short-lived URLs, and this test waits for one to really die.

let browser: Browser;
let page: Page;
let user: Awaited<ReturnType<typeof createUser>>;
let teamId: string;
let projectId: string;
let firstRunId: string;
let firstRun: string[] = [];
let favourites: string[] = [];
const appUrl = () => inject("appUrl");
/** Work the pipeline does (provider, ingest) takes its time on a loaded machine: wait for it in the database first. */
const pipeline = <T>(probe: () => Promise<T>) => expect.poll(probe, { timeout: 240_000, interval: 250 });
const PROMPT = "a lighthouse on black basalt cliffs, long exposure, storm clearing";
const shot = (name: string) => page.screenshot({ path: `${SCREENSHOT_DIR}/journey-${name}.png` });
const marked = () => page.evaluate(() => (window as unknown as { journeyTab?: string }).journeyTab);

const tiles = () => page.locator("[data-testid=gallery-grid] [data-asset-id]");
const tile = (assetId: string) => page.locator(`[data-testid=gallery-grid] [data-asset-id="${assetId}"]`);
const tileIds = () => tiles().evaluateAll((els) => els.map((el) => el.getAttribute("data-asset-id")!));
const liveAssets = () => db.asset.findMany({ where: { projectId, deletedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });

/** Client-side navigations fire no load event, and a gallery link carries its filters in the query: match the path. */
const atPath = (pathname: string) => page.waitForURL((url) => url.pathname === pathname, { waitUntil: "commit" });

/** Open an image as a click on its tile does (the tile's one link named after the prompt; Download is another link). */
async function openTile(assetId: string) {
  const asset = await db.asset.findUniqueOrThrow({ where: { id: assetId } });
  await tile(assetId).getByRole("link", { name: asset.prompt ?? "Untitled image", exact: true }).click();
}

const tileAction = (assetId: string, name: string) => pressTileAction(page, tile(assetId), name);

/** Every <img> on the page has finished loading real pixels (a broken or expired URL ends with naturalWidth 0). */
function brokenImages() {
  return page.locator("img").evaluateAll((imgs) =>
    imgs
      .map((i) => i as HTMLImageElement)
      .filter((i) => i.getBoundingClientRect().width > 0 && !(i.complete && i.naturalWidth > 0))
      .map((i) => i.currentSrc || i.src),
  );
}

/** The entries of a ZIP read from its central directory (stored or deflated), as a reader would see them. */
function readZip(zip: Buffer): { name: string; data: Buffer }[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a ZIP: no end of central directory");
  let count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    // ZIP64: the locator just before the EOCD points at the ZIP64 end record.
    const z64 = Number(zip.readBigUInt64LE(eocd - 20 + 8));
    count = Number(zip.readBigUInt64LE(z64 + 32));
    offset = Number(zip.readBigUInt64LE(z64 + 48));
  }
  const entries: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(offset + 10);
    let compressed = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    let local = zip.readUInt32LE(offset + 42);
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString("utf8");
    // ZIP64 extra field (0x0001): 64-bit sizes/offset for the fields that read 0xffffffff, in this order.
    const extra = zip.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const size = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        if (zip.readUInt32LE(offset + 24) === 0xffffffff) p += 8;
        if (compressed === 0xffffffff) { compressed = Number(extra.readBigUInt64LE(p)); p += 8; }
        if (local === 0xffffffff) local = Number(extra.readBigUInt64LE(p));
      }
      e += 4 + size;
    }
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    entries.push({ name, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

beforeAll(async () => {
  browser = await launchBrowser();
  await sim("/faults", { method: "DELETE" });
  user = await createUser({ name: "Journey" });
  teamId = (await createTeam({ name: "Journey Team", ownerId: user.user.id })).id;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  // Generous for a loaded 2-core machine; each wait still names what it waited for.
  page.setDefaultTimeout(30_000);
  page.setDefaultNavigationTimeout(120_000);
});

afterAll(async () => {
  await browser?.close();
});

describe("a day in the studio, in one tab", { timeout: 480_000 }, () => {
  it("signs in and creates a project from the empty team's first step", async () => {
    await page.goto(`${appUrl()}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(user.user.email);
    await page.getByLabel("Password").fill(user.password);
    await shot("sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await until(() => page.getByRole("heading", { name: "Create your first project" }).count()).toBe(1);
    await shot("projects-empty");
    await page.getByRole("button", { name: "Create a project" }).click();
    const dialog = page.getByRole("dialog", { name: "New project" });
    await dialog.getByLabel("Name").fill("Lighthouse campaign");
    await dialog.getByLabel("Description (optional)").fill("Key visuals for the coastal launch.");
    await shot("new-project");
    await dialog.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL(/\/projects\/prj_/);
    const project = await db.project.findFirstOrThrow({ where: { teamId } });
    expect(project.name).toBe("Lighthouse campaign");
    projectId = project.id;
    expect(new URL(page.url()).pathname).toBe(`/projects/${projectId}`);
    await page.getByRole("heading", { name: "No images yet" }).waitFor();
  });

  it("generates 4 images at 16:9 2K from the panel and shows them without a reload", async () => {
    const form = page.getByRole("form", { name: "Generate" });
    // Hydrated once Generate is enabled: a choice made before that would be overwritten by React's state.
    await until(() => form.getByRole("button", { name: "Generate", exact: true }).isEnabled()).toBe(true);
    // A full page load anywhere in the journey would lose this mark: every later step checks it survives.
    await page.evaluate(() => ((window as unknown as { journeyTab: string }).journeyTab = "open"));
    await form.getByLabel("Prompt", { exact: true }).fill(PROMPT);
    // Runware reports the seed it used for each image (providers.md §3.3): the recipe can show the actual seed.
    await form.getByLabel("Provider", { exact: true }).selectOption("runware");
    await form.getByLabel("Resolution", { exact: true }).selectOption("2k");
    // The ratio's radio sits behind its drawn shape; the label takes the click.
    await form.getByRole("radio", { name: "16:9" }).check({ force: true });
    await form.getByLabel("Images", { exact: true }).fill("4");
    await until(() => form.getByTestId("estimate").textContent()).toBe("$0.112");
    await form.getByRole("button", { name: "Generate", exact: true }).click();

    await until(() => db.generation.count({ where: { projectId } })).toBe(1);
    const generation = await db.generation.findFirstOrThrow({ where: { projectId } });
    expect(generation).toMatchObject({ prompt: PROMPT, provider: "runware", aspectRatio: "16:9", resolution: "2k", numImages: 4, mode: "text_to_image" });
    firstRunId = generation.id;
    await pipeline(() => db.asset.count({ where: { generationId: firstRunId } })).toBe(4);
    await until(() => tiles().count()).toBe(4);
    await until(brokenImages).toEqual([]);
    expect(await marked()).toBe("open");
    firstRun = (await liveAssets()).map((a) => a.id);
    expect((await tileIds()).sort()).toEqual([...firstRun].sort());
    // 16:9 at 2K really is what arrived.
    for (const a of await liveAssets()) expect(a.width / a.height).toBeCloseTo(16 / 9, 1);
    expect((await liveAssets())[0]!.width).toBeGreaterThanOrEqual(2048);
    await until(() => page.getByTestId("live-region").textContent()).toMatch(/new image/);
    await shot("gallery");
  });

  it("opens one over the gallery, shows its actual seed, and re-runs it", async () => {
    const opened = firstRun[0]!;
    await openTile(opened);
    const dialog = page.getByRole("dialog", { name: "Image" });
    await dialog.waitFor();
    await atPath(`/projects/${projectId}/assets/${opened}`);
    const recipe = dialog.getByRole("region", { name: "Recipe" });
    await until(() => recipe.getByText(PROMPT, { exact: true }).count()).toBe(1);
    // The seed the provider used for this image, not the request's "random".
    const output = await db.generationOutput.findUniqueOrThrow({ where: { assetId: opened } });
    expect(output.seed).toEqual(expect.any(Number));
    await until(() => recipe.getByText(String(output.seed), { exact: true }).count()).toBe(1);
    await until(brokenImages).toEqual([]);
    await shot("detail-modal");

    await dialog.getByRole("button", { name: "Re-run", exact: true }).click();
    await until(() => page.getByText("Re-run (same seed) queued.").count()).toBeGreaterThan(0);
    await until(() => db.generation.count({ where: { projectId, rerunOfId: firstRunId } })).toBe(1);
    const rerun = await db.generation.findFirstOrThrow({ where: { projectId, rerunOfId: firstRunId } });
    // This image again: its own seed, once.
    expect(rerun).toMatchObject({ prompt: PROMPT, aspectRatio: "16:9", resolution: "2k", numImages: 1, provider: "runware", seed: output.seed });
    // Its image arrives in the gallery under the modal, live.
    await pipeline(() => db.asset.count({ where: { generationId: rerun.id } })).toBe(1);
    await page.keyboard.press("Escape");
    await until(() => dialog.count()).toBe(0);
    await atPath(`/projects/${projectId}`);
    await until(() => tiles().count()).toBe(5);
    expect(await marked()).toBe("open");
  });

  it("edits it: edit mode on that image, submitted from the panel", async () => {
    const source = firstRun[0]!;
    await openTile(source);
    const dialog = page.getByRole("dialog", { name: "Image" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Edit", exact: true }).click();
    await atPath(`/projects/${projectId}`);
    expect(new URL(page.url()).searchParams.get("edit")).toBe(source);
    // The panel is under the modal: the modal must make way for it.
    await until(() => dialog.count()).toBe(0);
    const form = page.getByRole("form", { name: "Generate" });
    await until(() => form.getByLabel("Mode and model", { exact: true }).inputValue()).toBe("kling-v3|edit");
    expect(await form.getByRole("img", { name: "Reference @image1" }).count()).toBe(1);
    await form.getByLabel("Prompt", { exact: true }).fill("the same lighthouse at night, its beam cutting through rain");
    await form.getByLabel("Images", { exact: true }).fill("1");
    await shot("edit-mode");
    await until(() => form.getByRole("button", { name: "Generate", exact: true }).isEnabled()).toBe(true);
    await form.getByRole("button", { name: "Generate", exact: true }).click();
    await until(() => db.generation.count({ where: { projectId, mode: "edit" } })).toBe(1);
    const edit = await db.generation.findFirstOrThrow({ where: { projectId, mode: "edit" } });
    expect(edit.sourceAssetId).toBe(source);
    await pipeline(() => db.asset.count({ where: { generationId: edit.id } })).toBe(1);
    const edited = await db.asset.findFirstOrThrow({ where: { generationId: edit.id } });
    expect(edited.sourceAssetId).toBe(source);
    await until(() => tile(edited.id).count()).toBe(1);
    await until(() => tiles().count()).toBe(6);
    expect(await marked()).toBe("open");
  });

  it("favourites two, filters to favourites and compares them", async () => {
    favourites = [firstRun[1]!, firstRun[2]!];
    for (const id of favourites) await tileAction(id, "Add to favourites");
    await until(async () => (await db.asset.findMany({ where: { projectId, favourite: true } })).map((a) => a.id).sort()).toEqual([...favourites].sort());

    await page.getByRole("button", { name: "Filters" }).click();
    const sheet = page.getByRole("dialog", { name: "Filters" });
    await sheet.getByLabel("Favourites only").check();
    await until(() => new URL(page.url()).searchParams.get("fav")).toBe("true");
    await page.keyboard.press("Escape");
    await until(() => sheet.count()).toBe(0);
    await until(() => tileIds().then((ids) => ids.sort())).toEqual([...favourites].sort());
    expect(await page.getByRole("button", { name: "Remove filter Favourites", exact: true }).count()).toBe(1);
    await until(brokenImages).toEqual([]);
    await shot("favourites");

    for (const id of favourites) await tileAction(id, "Select image");
    const bar = page.getByRole("region", { name: "Selection" });
    await until(() => bar.getByText("2 selected").count()).toBe(1);
    await bar.getByRole("link", { name: "Compare" }).click();
    await page.waitForURL(/\/compare\?ids=/);
    expect(new URL(page.url()).searchParams.get("ids")!.split(",").sort()).toEqual([...favourites].sort());
    const table = page.getByRole("table");
    await table.waitFor();
    const row = (name: string) => table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name} ?(differs)?$`) }) });
    // Two images of one run: the same settings, but each was made from its own seed.
    expect(await row("Prompt").getByText("differs").count()).toBe(0);
    expect(await row("Aspect ratio").getByText("differs").count()).toBe(0);
    expect(await row("Seed").getByText("differs").count()).toBe(1);
    const seeds = await db.generationOutput.findMany({ where: { assetId: { in: favourites } } });
    for (const o of seeds) expect(await row("Seed").getByText(String(o.seed), { exact: true }).count()).toBe(1);
    expect(await page.getByText("Same recipe.").count()).toBe(0);
    await until(brokenImages).toEqual([]);
    await shot("compare");
    expect(await marked()).toBe("open");
  });

  it("downloads the whole gallery as a ZIP of valid images", async () => {
    await page.goBack();
    await atPath(`/projects/${projectId}`);
    await page.getByRole("button", { name: "Remove filter Favourites", exact: true }).click();
    await until(() => new URL(page.url()).searchParams.get("fav")).toBeNull();
    await until(() => tiles().count()).toBe(6);
    await page.getByRole("button", { name: "Select all" }).click();
    const bar = page.getByRole("region", { name: "Selection" });
    await until(() => bar.getByText("6 selected").count()).toBe(1);
    await shot("selection");
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), bar.getByRole("button", { name: "ZIP" }).click()]);
    const file = await download.path();
    const entries = readZip(await fs.readFile(file));
    const assets = await liveAssets();
    expect(entries).toHaveLength(6);
    expect(new Set(entries.map((e) => e.name)).size).toBe(6);
    for (const entry of entries) {
      const asset = assets.find((a) => entry.name.startsWith(`${a.id}.`));
      expect(asset, entry.name).toBeDefined();
      expect(entry.name).toBe(`${asset!.id}.${asset!.format === "jpeg" ? "jpg" : asset!.format}`);
      expect(entry.data.length, entry.name).toBe(asset!.bytes);
      const meta = await sharp(entry.data).metadata();
      expect([meta.width, meta.height], entry.name).toEqual([asset!.width, asset!.height]);
      expect(meta.format === "jpeg" ? "jpeg" : meta.format, entry.name).toBe(asset!.format);
    }
    await bar.getByRole("button", { name: "Clear selection", exact: true }).click();
    await until(() => bar.count()).toBe(0);
    expect(await marked()).toBe("open");
  });

  it("deletes one and undoes it from the toast, deletes again and restores it from the trash", async () => {
    const victim = firstRun[3]!;
    await tileAction(victim, "Delete");
    await until(() => tile(victim).count()).toBe(0);
    await until(async () => (await db.asset.findUniqueOrThrow({ where: { id: victim } })).deletedAt).not.toBeNull();
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await until(() => tile(victim).count()).toBe(1);
    await until(async () => (await db.asset.findUniqueOrThrow({ where: { id: victim } })).deletedAt).toBeNull();

    await tileAction(victim, "Delete");
    await until(() => tile(victim).count()).toBe(0);
    await until(async () => (await db.asset.findUniqueOrThrow({ where: { id: victim } })).deletedAt).not.toBeNull();
    await page.getByRole("button", { name: "Trash", exact: true }).click();
    await until(() => new URL(page.url()).searchParams.get("view")).toBe("trash");
    await until(() => tileIds()).toEqual([victim]);
    await until(brokenImages).toEqual([]);
    await shot("trash");
    await tileAction(victim, "Restore");
    await page.getByRole("heading", { name: "The trash is empty" }).waitFor();
    await until(async () => (await db.asset.findUniqueOrThrow({ where: { id: victim } })).deletedAt).toBeNull();
    await page.getByRole("button", { name: "Gallery", exact: true }).click();
    await until(() => tile(victim).count()).toBe(1);
    await until(() => tiles().count()).toBe(6);
    expect(await marked()).toBe("open");
  });

  it("keeps every image loading after the presigned URLs have expired, without a reload", async () => {
    await until(brokenImages).toEqual([]);
    // The presigned URLs the page holds right now (tiles use them while they are valid): wait until S3 really refuses
    // one, which proves the page has outlived them, then make the page draw its images again.
    const presigned = await page.locator("[data-testid=gallery-grid] img").evaluateAll((imgs) =>
      imgs.map((i) => (i as HTMLImageElement).src).filter((src) => /X-Amz-Signature=/.test(src)),
    );
    const held = presigned[0] ?? (await (await fetch(`${appUrl()}/api/v1/assets/${firstRun[0]}/image?size=small`, { redirect: "manual", headers: { cookie: await sessionCookie() } })).headers.get("location"))!;
    expect(held).toMatch(/X-Amz-Signature=/);
    await expect.poll(async () => (await fetch(held)).status, { timeout: 60_000, interval: 500 }).toBe(403);

    // Still the tab opened at the start: no reload happened anywhere in the journey.
    expect(await marked()).toBe("open");
    await until(brokenImages).toEqual([]);
    // The grid drawn anew from the cached listing (its URLs expired), through the trash view and back.
    await page.getByRole("button", { name: "Trash", exact: true }).click();
    await page.getByRole("heading", { name: "The trash is empty" }).waitFor();
    await page.getByRole("button", { name: "Gallery", exact: true }).click();
    await until(() => tiles().count()).toBe(6);
    await until(brokenImages).toEqual([]);
    expect(await page.locator("[data-testid=gallery-grid] img").count()).toBe(6);
    await shot("after-expiry-gallery");
    // A detail opened now: its full image and its lineage thumbnails load too.
    await openTile(firstRun[0]!);
    const dialog = page.getByRole("dialog", { name: "Image" });
    await dialog.waitFor();
    await until(brokenImages).toEqual([]);
    await shot("after-expiry-detail");
    await page.keyboard.press("Escape");
    await until(() => dialog.count()).toBe(0);
    await until(brokenImages).toEqual([]);
    expect(await marked()).toBe("open");
  });
});

async function sessionCookie() {
  const cookies = await page.context().cookies(appUrl());
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}
