import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { loadProject } from "@/lib/projects/get-project-or-throw";
import { createShareLink } from "@/lib/share/create-share-link";
import { addMember } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { launchBrowser, SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { memberOfNewTeam, signedInUser } from "@/tests/helpers/signed-in-user";
import { sim } from "@/tests/helpers/pipeline";
import { createTestElement } from "@/tests/helpers/elements";
import { horizontalOverflow, seriousViolations, studioTab, until } from "@/tests/helpers/studio-page";

// Issue 12 items 1 and 10: every page of the studio holds at 1440, 820 and 390 px without sideways scrolling, and an
// axe scan of each finds no serious or critical violation. The project page is scanned with a finished generation on
// it; viewers get the same pages read-only, and a page their role doesn't open is the styled 403.

let browser: Browser;
let owner: Awaited<ReturnType<typeof memberOfNewTeam>>;
let viewer: Awaited<ReturnType<typeof signedInUser>>;
let inviteUrl: string;
let collectionId: string;
let elementId: string;
let assetIds: string[];
let sharePaths: { open: string; locked: string };

beforeAll(async () => {
  browser = await launchBrowser();
  await sim("/faults", { method: "DELETE" });
  owner = await memberOfNewTeam("owner");
  viewer = await signedInUser();
  await addMember({ teamId: owner.team.id, userId: viewer.user.id, role: "viewer" });
  await createProjectRow({ teamId: owner.team.id, name: "Holiday Social", description: "Cut-downs for social." });
  const access = await resolveTeamAccess({ caller: { kind: "user", userId: owner.user.id }, teamId: owner.team.id, permission: "team.manage" });
  await createApiKey({ access, input: { name: "CMS export", access: "read", projectIds: [] } });
  ({ url: inviteUrl } = await createInvitation({ access, input: { email: `new-${Date.now()}@example.test`, role: "editor" } }));
  ({ id: elementId } = await createTestElement(owner.api, owner.team.id, { name: "Mira", references: 3 }));
  // A finished generation, so the project page is scanned with its cards, images and actions.
  const res = await owner.api(`/api/v1/projects/${owner.project.id}/generations`, {
    method: "POST",
    body: JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: "wavespeed", parameters: { prompt: "a lighthouse at dawn", num_images: 2 } }),
  });
  expect(res.status, await res.clone().text()).toBe(202);
  const { id } = (await res.json()) as { id: string };
  // expect.poll belongs to tests; a hook waits by hand.
  for (let start = Date.now(); ; await new Promise((r) => setTimeout(r, 250))) {
    const { status } = (await (await owner.api(`/api/v1/generations/${id}`)).json()) as { status: string };
    if (status === "succeeded") break;
    if (Date.now() - start > 90_000) throw new Error(`the seed generation is still ${status}`);
  }
  // Outputs are ingested after the generation succeeds: wait for both assets.
  for (let start = Date.now(); ; await new Promise((r) => setTimeout(r, 250))) {
    const listed = (await (await owner.api(`/api/v1/projects/${owner.project.id}/assets`)).json()) as { data: { id: string }[] };
    assetIds = listed.data.map((a) => a.id);
    if (assetIds.length === 2) break;
    if (Date.now() - start > 60_000) throw new Error(`${assetIds.length} of 2 assets after 60 s`);
  }
  // One of its images in review with a comment thread, so the review page is scanned with an item on it.
  const inReview = assetIds[0]!;
  expect((await owner.api(`/api/v1/assets/${inReview}`, { method: "PATCH", body: JSON.stringify({ approvalStatus: "pending" }) })).status).toBe(200);
  const comment = await owner.api(`/api/v1/assets/${inReview}/comments`, { method: "POST", body: JSON.stringify({ body: `Warmer light, please. @${viewer.user.email}` }) });
  expect(comment.status, await comment.clone().text()).toBe(201);
  // A collection holding it, so the collections pages are scanned with something in them.
  const created = await owner.api(`/api/v1/projects/${owner.project.id}/collections`, { method: "POST", body: JSON.stringify({ name: "Client picks" }) });
  expect(created.status, await created.clone().text()).toBe(201);
  collectionId = ((await created.json()) as { id: string }).id;
  expect((await owner.api(`/api/v1/collections/${collectionId}/assets`, { method: "POST", body: JSON.stringify({ add: [inReview] }) })).status).toBe(200);
  // Client share links: one open with every option (the gallery at its fullest), one behind a password (the gate).
  const project = (await loadProject(owner.project.id))!;
  const share = (input: Partial<Parameters<typeof createShareLink>[0]["input"]>) =>
    createShareLink({ access, project, input: { name: "Holiday picks for Acme", expiresInDays: 30, allowDownload: true, showPrompts: true, allowApprove: true, allowComment: true, assetIds, ...input } });
  sharePaths = { open: new URL((await share({})).url).pathname, locked: new URL((await share({ password: "open sesame" })).url).pathname };
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

const WIDTHS = [1440, 820, 390] as const;

async function check(page: Page, name: string, path: string, width: number) {
  await page.goto(`${inject("appUrl")}${path}`);
  await page.waitForLoadState("load");
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  // A layout's heading can arrive before its page, which streams behind a loading skeleton (settings, account):
  // screenshot and scan the page, not the skeleton.
  await page.locator('[aria-busy="true"][aria-label^="Loading"]').first().waitFor({ state: "detached" });
  // A project page's gallery is read by the browser after the page arrives: scan it with its tiles in place.
  if (/^\/projects\/prj_[^/]+$/.test(path) && name !== "not-found") await page.locator("[data-asset-id] img").first().waitFor();
  expect(await horizontalOverflow(page), `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/studio-${name}-${width}.png`, fullPage: true });
  // One scan per page, at the desktop width: the markup is the same at each width.
  if (width === 1440) expect(await seriousViolations(page), `${name}: serious or critical axe violations`).toEqual([]);
}

describe("every studio page", { timeout: 600_000 }, () => {
  it("holds at 1440, 820 and 390 px and passes an axe scan, for an owner", async () => {
    const pages: [string, string][] = [
      ["projects", "/"],
      ["project", `/projects/${owner.project.id}`],
      ["project-settings", `/projects/${owner.project.id}/settings`],
      ["review", `/projects/${owner.project.id}/review`],
      ["notifications", "/notifications"],
      ["collections", `/projects/${owner.project.id}/collections`],
      ["collection", `/projects/${owner.project.id}/collections/${collectionId}`],
      ["project-spend", `/projects/${owner.project.id}/spend`],
      ["spend", "/spend"],
      ["asset-detail", `/projects/${owner.project.id}/assets/${assetIds[0]}`],
      ["compare", `/projects/${owner.project.id}/compare?ids=${assetIds.join(",")}`],
      ["compare-empty", `/projects/${owner.project.id}/compare`],
      ["settings", "/settings"],
      ["members", "/settings/members"],
      ["api-keys", "/settings/api-keys"],
      ["spend-limits", "/settings/spend-limits"],
      ["providers", "/settings/providers"],
      ["audit", "/settings/audit"],
      ["account", "/account"],
      ["elements", "/elements"],
      ["element", `/elements/${elementId}`],
      ["elements-archived", "/elements?archived=1"],
      ["prompts", "/prompts"],
      ["share-links", `/projects/${owner.project.id}/share-links`],
      ["not-found", "/projects/prj_doesnotexist"],
    ];
    for (const width of WIDTHS) {
      const page = await studioTab(browser, owner.sessionToken, { width, teamId: owner.team.id });
      for (const [name, path] of pages) await check(page, name, path, width);
      await page.context().close();
    }
  });

  it("holds and passes for signed-out pages: sign-in and an invitation", async () => {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      page.setDefaultNavigationTimeout(120_000);
      await check(page, "sign-in", "/sign-in", width);
      await check(page, "invitation", new URL(inviteUrl).pathname, width);
      await check(page, "share", sharePaths.open, width);
      await check(page, "share-password", sharePaths.locked, width);
      await check(page, "share-missing", "/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", width);
      // A field error is part of the page too.
      await page.goto(`${inject("appUrl")}/sign-in`);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await until(() => page.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");
      if (width === 1440) expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    }
  });

  it("shows a viewer everything read-only, and the styled 403 where their role doesn't reach", async () => {
    const page = await studioTab(browser, viewer.sessionToken, { width: 1440, teamId: owner.team.id });
    await check(page, "viewer-projects", "/", 1440);
    expect(await page.getByRole("button", { name: /New project|Create a project/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Actions for / }).count()).toBe(0);
    await check(page, "viewer-project", `/projects/${owner.project.id}`, 1440);
    expect(await page.getByRole("form", { name: "Generate" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /Re-run|Cancel|Use as reference/ }).count()).toBe(0);
    expect(await page.getByRole("img").count()).toBeGreaterThan(0);
    expect(await page.getByText("You can look at everything in this project").count()).toBe(1);
    await check(page, "viewer-asset-detail", `/projects/${owner.project.id}/assets/${assetIds[0]}`, 1440);
    expect(await page.getByRole("button", { name: /Re-run|Remix|Move to trash|Approve/ }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Download", exact: true }).count()).toBe(1);
    await page.goto(`${inject("appUrl")}/projects/${owner.project.id}/settings`);
    await until(() => page.getByRole("heading", { name: "You can't open this" }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/studio-forbidden-1440.png`, fullPage: true });
    await check(page, "viewer-settings", "/settings/members", 1440);
    expect(await page.getByText("Only owners and admins can manage members").count()).toBe(1);
    // The owner's comment mentioned the viewer: the header says so, and the notification opens the image.
    expect(await page.getByRole("link", { name: "Notifications, 1 unread", exact: true }).count()).toBe(1);
    await check(page, "viewer-notifications", "/notifications", 1440);
    expect(await page.getByRole("link", { name: /mentioned you on an image/ }).count()).toBe(1);
    // The review queue, read-only: the image and its thread, no decision and no comment box.
    await check(page, "viewer-review", `/projects/${owner.project.id}/review`, 1440);
    expect(await page.getByText("Warmer light, please.", { exact: false }).count()).toBe(1);
    expect(await page.getByRole("button", { name: /Approve|Reject|Comment|Reply/ }).count()).toBe(0);
  });

  it("shows keyboard focus on every focusable control it tabs through", async () => {
    const page = await studioTab(browser, owner.sessionToken, { width: 1440, teamId: owner.team.id });
    await page.goto(`${inject("appUrl")}/projects/${owner.project.id}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const unmarked: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      const seen = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        // next dev's own overlay button is not part of the studio (and absent from production builds).
        if (!el || el === document.body || el.tagName === "NEXTJS-PORTAL") return null;
        const style = getComputedStyle(el);
        const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
        return { name: `${el.tagName.toLowerCase()} ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 30) ?? ""}`, outlined, ring: style.boxShadow !== "none" };
      });
      if (seen && !seen.outlined && !seen.ring) unmarked.push(seen.name);
    }
    expect(unmarked).toEqual([]);
  });
});
