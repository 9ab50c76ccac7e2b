import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { launchBrowser, SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { horizontalOverflow, seriousViolations, studioTab, until } from "@/tests/helpers/studio-page";
import { referenceAsset } from "@/tests/helpers/pipeline";
import { createShareLink } from "@/lib/share/create-share-link";
import { createCollection } from "@/lib/collections/create-collection";
import { createCollectionInput } from "@/lib/collections/collection-schemas";
import { SHARE_PAGE_SIZE } from "@/lib/share/share-link-assets";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { insertBulkAssets } from "@/prisma/factories/insert-bulk-assets";

// Issue 14 item 5 in a browser: a member shares a selection from the gallery (with a password, comments and
// approvals), a client opens it signed out in a fresh browser, gets past the password, downloads (counted), approves
// and comments under their name; the member sees the counts, revokes, and the link is gone. A collection shares from
// its own page too.

let browser: Browser;
let owner: Awaited<ReturnType<typeof memberOfNewTeam>>;
let studio: Page;
let assetIds: string[];
let shareUrl: string;
let linkId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  owner = await memberOfNewTeam("owner");
  const assets = [];
  for (const [i, hue] of [20, 140, 220].entries()) {
    const a = await referenceAsset({ teamId: owner.team.id, projectId: owner.project.id, width: 1200, height: i === 1 ? 1600 : 800, hue });
    assets.push(await db.asset.update({ where: { id: a.id }, data: { prompt: `studio-only prompt ${i}` } }));
  }
  assetIds = assets.map((a) => a.id);
  studio = await studioTab(browser, owner.sessionToken, { width: 1440, teamId: owner.team.id });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const app = (path: string) => `${inject("appUrl")}${path}`;
const tile = (id: string) => studio.locator(`[data-testid=gallery-grid] [data-asset-id="${id}"]`);

async function clientTab(width = 1440) {
  // A fresh context: no studio session, no unlock cookie.
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.setDefaultNavigationTimeout(120_000);
  return page;
}

describe("client share links", { timeout: 300_000 }, () => {
  it("shares a gallery selection with a password from the bulk bar", async () => {
    await studio.goto(app(`/projects/${owner.project.id}`));
    await until(() => studio.locator("[data-testid=gallery-grid] [data-asset-id]").count()).toBe(3);
    for (const id of assetIds.slice(0, 2)) {
      await tile(id).hover();
      await tile(id).getByRole("button", { name: "Select image", exact: true }).click();
    }
    const bar = studio.getByRole("region", { name: "Selection" });
    await until(() => bar.getByText("2 selected").count()).toBe(1);
    await bar.getByRole("button", { name: "Share", exact: true }).click();
    const dialog = studio.getByRole("dialog");
    await dialog.getByLabel("Link name", { exact: true }).fill("Acme — round 1");
    await dialog.getByLabel("Password (optional)", { exact: true }).fill("acme-secret");
    await dialog.getByLabel("Comment (with their name)", { exact: true }).check();
    await dialog.getByLabel("Approve or request changes", { exact: true }).check();
    expect(await seriousViolations(studio)).toEqual([]);
    await dialog.getByRole("button", { name: "Create link", exact: true }).click();
    const field = dialog.getByLabel("Share link", { exact: true });
    await until(() => field.inputValue()).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
    shareUrl = await field.inputValue();
    await studio.screenshot({ path: `${SCREENSHOT_DIR}/share-dialog-1440.png` });
    const link = await db.shareLink.findFirstOrThrow({ where: { projectId: owner.project.id }, include: { assets: true } });
    linkId = link.id;
    expect(link.assets.map((a) => a.assetId).sort()).toEqual(assetIds.slice(0, 2).sort());
    expect(link.passwordHash).toMatch(/^\$argon2id\$/);
    expect(link).toMatchObject({ allowDownload: true, allowComment: true, allowApprove: true, showPrompts: false });
  });

  it("opens signed out behind the password, and downloads count", async () => {
    const page = await clientTab();
    await page.goto(shareUrl);
    await page.getByRole("heading", { name: "This gallery is protected", exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Password", { exact: true }).fill("not it");
    await page.getByRole("button", { name: "Open gallery", exact: true }).click();
    await until(() => page.getByText(/doesn't open this link/).count()).toBe(1);
    expect(await page.getByLabel("Password", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Password", { exact: true }).fill("acme-secret");
    await page.getByRole("button", { name: "Open gallery", exact: true }).click();
    await page.getByRole("heading", { name: "Acme — round 1", exact: true }).waitFor();
    await until(() => page.locator("main ul img").evaluateAll((imgs) => imgs.length === 2 && imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
    expect(await page.content()).not.toContain("studio-only prompt");
    expect(await page.content()).not.toContain(assetIds[2]);
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download image 1", exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^ast_.*\.png$/);
    await until(async () => (await db.shareLink.findUniqueOrThrow({ where: { id: linkId } })).downloadCount).toBe(1);
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: linkId } })).viewCount).toBeGreaterThanOrEqual(1);
    await page.context().close();
  });

  it("takes a guest's approval and comment with their name", async () => {
    const page = await clientTab();
    await page.goto(shareUrl);
    await page.getByLabel("Password", { exact: true }).fill("acme-secret");
    await page.getByRole("button", { name: "Open gallery", exact: true }).click();
    await page.getByRole("button", { name: "Open image 1 of 2", exact: true }).click();
    const box = page.getByRole("dialog");
    await box.getByRole("heading", { name: "Image 1 of 2", exact: true }).waitFor();
    await box.getByRole("button", { name: "Approve", exact: true }).click();
    await until(() => box.getByLabel("Your name", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await box.getByLabel("Your name", { exact: true }).fill("Ana from Acme");
    await box.getByRole("button", { name: "Approve", exact: true }).click();
    await until(() => box.getByRole("status").textContent()).toMatch(/Approved/);
    await box.getByLabel("Add a comment", { exact: true }).fill("Love the light — can we crop tighter?");
    await box.getByRole("button", { name: "Post comment", exact: true }).click();
    await until(() => box.getByText("Love the light — can we crop tighter?").count()).toBe(1);
    await until(() => box.locator("img").evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/share-lightbox-1440.png` });
    const first = await page.evaluate(() => document.querySelector("[role=dialog] img")?.getAttribute("src"));
    const assetId = decodeURIComponent(/assets\/([^/]+)\/image/.exec(first ?? "")![1]!);
    expect(await db.asset.findUniqueOrThrow({ where: { id: assetId } })).toMatchObject({ approvalStatus: "approved" });
    expect(await db.assetReviewEvent.findFirst({ where: { assetId, shareLinkId: linkId } })).toMatchObject({ guestName: "Ana from Acme", actorUserId: null });
    expect(await db.assetComment.findFirst({ where: { assetId, shareLinkId: linkId } })).toMatchObject({ guestName: "Ana from Acme", authorId: null });
    await page.context().close();
  });

  it("looks right at 1440, 820 and 390 px", async () => {
    for (const width of [1440, 820, 390]) {
      const page = await clientTab(width);
      await page.goto(shareUrl);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/share-password-${width}.png`, fullPage: true });
      await page.getByLabel("Password", { exact: true }).fill("acme-secret");
      await page.getByRole("button", { name: "Open gallery", exact: true }).click();
      await page.getByRole("heading", { name: "Acme — round 1", exact: true }).waitFor();
      await until(() => page.locator("main ul img").evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
      expect(await horizontalOverflow(page), `share page scrolls sideways at ${width}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/share-gallery-${width}.png`, fullPage: true });
      await page.getByRole("button", { name: "Open image 2 of 2", exact: true }).click();
      await page.getByRole("dialog").getByRole("heading", { name: "Image 2 of 2", exact: true }).waitFor();
      await until(() => page.getByRole("dialog").locator("img").evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/share-lightbox-${width}.png` });
      await page.context().close();
    }
  });

  it("lists the link with its counts, revokes it, and then the link is gone", async () => {
    await studio.goto(app(`/projects/${owner.project.id}/share-links`));
    const row = studio.getByRole("listitem", { name: "Acme — round 1", exact: true });
    await until(() => row.getByTestId("downloads").textContent()).toBe("1");
    expect(Number(await row.getByTestId("views").textContent())).toBeGreaterThanOrEqual(1);
    expect(await row.getByRole("button", { name: "Copy link: Acme — round 1", exact: true }).getAttribute("data-url")).toBe(shareUrl);
    expect(await seriousViolations(studio)).toEqual([]);
    await studio.screenshot({ path: `${SCREENSHOT_DIR}/share-links-1440.png`, fullPage: true });
    await row.getByRole("button", { name: "Revoke", exact: true }).click();
    await studio.getByRole("alertdialog").getByRole("button", { name: "Revoke", exact: true }).click();
    await until(() => row.getByText("revoked", { exact: true }).count()).toBe(1);
    const page = await clientTab();
    const res = await page.goto(shareUrl);
    expect(res?.status()).toBe(404);
    await page.getByRole("heading", { name: "This link isn't available", exact: true }).waitFor();
    await page.context().close();
  });

  it("shares a collection from its page", async () => {
    const created = await owner.api(`/api/v1/projects/${owner.project.id}/collections`, { method: "POST", body: JSON.stringify({ name: "Hero shots" }) });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await owner.api(`/api/v1/collections/${id}/assets`, { method: "POST", body: JSON.stringify({ add: [assetIds[2]] }) })).status).toBe(200);
    await studio.goto(app(`/projects/${owner.project.id}/collections/${id}`));
    await studio.getByRole("heading", { name: "Hero shots", exact: true }).waitFor();
    await studio.screenshot({ path: `${SCREENSHOT_DIR}/share-collection-page-1440.png` });
    await studio.getByRole("button", { name: "Share", exact: true }).click();
    const dialog = studio.getByRole("dialog");
    await dialog.getByRole("button", { name: "Create link", exact: true }).click();
    const field = dialog.getByLabel("Share link", { exact: true });
    await until(() => field.inputValue()).toMatch(/\/s\//);
    const page = await clientTab();
    await page.goto(await field.inputValue());
    await page.getByRole("heading", { name: "Hero shots", exact: true }).waitFor();
    expect(await page.locator("main ul img").count()).toBe(1);
    expect(await page.content()).toContain(assetIds[2]);
    expect(await page.content()).not.toContain(assetIds[0]);
    await page.context().close();
  });

  it("pages a collection larger than one page: Show more by keyboard, and scrolling, load the rest; neither is a view", async () => {
    // One page and ten more, sharing a real image's keys so the tiles render.
    const source = await db.asset.findUniqueOrThrow({ where: { id: assetIds[0]! } });
    const count = SHARE_PAGE_SIZE + 10;
    const image = { storageKey: source.storageKey, thumbSmallKey: source.thumbSmallKey, thumbLargeKey: source.thumbLargeKey, width: 1200, height: 800, bytes: 10, format: "png", sha256: "0".repeat(64), thumbhash: null };
    await insertBulkAssets({ teamId: owner.team.id, projectId: owner.project.id, count, images: [image], batch: "PAGE" });
    const members = await db.asset.findMany({ where: { projectId: owner.project.id, id: { startsWith: "ast_PAGE" } }, select: { id: true } });
    const access = await resolveTeamAccess({ caller: { kind: "user", userId: owner.user.id }, teamId: owner.team.id, permission: "project.read" });
    const project = await db.project.findUniqueOrThrow({ where: { id: owner.project.id } });
    const collection = await createCollection({ access, project, input: createCollectionInput.parse({ name: "Everything" }) });
    await db.collectionAsset.createMany({ data: members.map((m) => ({ collectionId: collection.id, assetId: m.id })) });
    const { link, token } = await createShareLink({
      access, project,
      input: { name: "Everything", expiresInDays: 7, allowDownload: false, showPrompts: false, allowApprove: false, allowComment: false, collectionId: collection.id },
    });
    const tiles = (page: Page) => page.locator("main ul[aria-label=Images] > li");
    const views = async () => (await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).viewCount;

    const page = await clientTab();
    await page.goto(app(`/s/${token}`));
    await page.getByRole("heading", { name: "Everything", exact: true }).waitFor();
    expect(await tiles(page).count()).toBe(SHARE_PAGE_SIZE);
    await page.getByText(`${count} images`).first().waitFor();
    expect(await views()).toBe(1);
    // Keyboard: focus the button and press Enter (the observer may already have started the page; either way the
    // rest arrives and the button goes away).
    const more = page.getByRole("button", { name: "Show more images", exact: true });
    await more.focus();
    await page.keyboard.press("Enter");
    await until(() => tiles(page).count()).toBe(count);
    expect(await more.count()).toBe(0);
    expect(new Set(await tiles(page).locator("img").evaluateAll((imgs) => imgs.map((i) => i.getAttribute("src")))).size).toBe(count);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/share-paged-1440.png` });

    // Scrolling: a fresh load shows one page; scrolling to the end brings the rest without a click.
    await page.goto(app(`/s/${token}`));
    await page.getByRole("heading", { name: "Everything", exact: true }).waitFor();
    expect(await tiles(page).count()).toBe(SHARE_PAGE_SIZE);
    await page.mouse.wheel(0, 200_000);
    await until(() => tiles(page).count()).toBe(count);
    // Two page loads are two views; the page fetches added none.
    expect(await views()).toBe(2);
    await page.context().close();

    // How the end of the first page looks on a phone (a third view): the count and the button, nothing sideways.
    const phone = await clientTab(390);
    await phone.goto(app(`/s/${token}`));
    await phone.getByRole("heading", { name: "Everything", exact: true }).waitFor();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.getByRole("button", { name: "Show more images", exact: true }).scrollIntoViewIfNeeded();
    await phone.screenshot({ path: `${SCREENSHOT_DIR}/share-show-more-390.png` });
    await phone.context().close();
  });
});
