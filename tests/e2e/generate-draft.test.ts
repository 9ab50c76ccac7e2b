import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { launchBrowser, SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { referenceAsset } from "@/tests/helpers/pipeline";
import { createTestElement } from "@/tests/helpers/elements";
import { studioTab, until } from "@/tests/helpers/studio-page";

// Issue 12 point 3, across pages: the generate panel keeps what the user typed — prompt, negative prompt, mode and
// model, provider, every parameter, references, elements, the collection — when they open another page of the
// studio and come back, and when they reload; restored without a hydration mismatch. Another project's panel and
// another person in the same tab start empty.

let browser: Browser;
let owner: Awaited<ReturnType<typeof memberOfNewTeam>>;
let references: string[];
let collectionId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  owner = await memberOfNewTeam("owner");
  references = (await Promise.all([0, 1].map((i) => referenceAsset({ teamId: owner.team.id, projectId: owner.project.id, width: 640, height: 480, hue: 90 * i })))).map((a) => a.id);
  await createTestElement(owner.api, owner.team.id, { name: "Draft mascot" });
  collectionId = (await db.collection.create({ data: { id: createId("collection"), teamId: owner.team.id, projectId: owner.project.id, name: "Hero shots", createdById: owner.user.id } })).id;
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

async function panel(page: Page) {
  const form = page.getByRole("form", { name: "Generate" });
  await expect.poll(() => form.getByRole("button", { name: "Generate", exact: true }).isEnabled(), { timeout: 120_000 }).toBe(true);
  return form;
}

const PROMPT = "A ceramic mug on linen, @element1 beside it, morning light";
const NEGATIVE = "text, watermark";

/** Everything the draft holds, read from the controls. */
async function readPanel(form: Locator) {
  const elementBox = form.getByRole("list", { name: "Elements" }).getByRole("checkbox");
  await until(() => elementBox.count()).toBe(1);
  await until(() => form.getByLabel("Send outputs to collection").count()).toBe(1);
  return {
    prompt: await form.getByLabel("Prompt", { exact: true }).inputValue(),
    negative: await form.getByLabel("Negative prompt", { exact: true }).inputValue(),
    entry: await form.getByLabel("Mode and model", { exact: true }).inputValue(),
    provider: await form.getByLabel("Provider", { exact: true }).inputValue(),
    resolution: await form.getByLabel("Resolution", { exact: true }).inputValue(),
    ratio: await form.getByRole("radio", { name: "1:1" }).isChecked(),
    count: await form.getByLabel("Images", { exact: true }).inputValue(),
    format: await form.getByLabel("Output format", { exact: true }).inputValue(),
    references: await form.locator('input[type="hidden"][name="referenceAssetId"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    element: await elementBox.isChecked(),
    collection: await form.getByLabel("Send outputs to collection").inputValue(),
  };
}

const expected = () => ({
  prompt: PROMPT, negative: NEGATIVE, entry: "kling-v3-omni|multi-reference", provider: "fal", resolution: "2k", ratio: true,
  count: "3", format: "png", references, element: true, collection: collectionId,
});

describe("the generate panel's draft", { timeout: 600_000 }, () => {
  it("keeps everything typed across other pages and a reload, per project and person", async () => {
    const page = await studioTab(browser, owner.sessionToken, { width: 1440, teamId: owner.team.id });
    const hydrationErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /hydrat|did not match/i.test(m.text())) hydrationErrors.push(m.text());
    });
    const projectUrl = `${inject("appUrl")}/projects/${owner.project.id}`;
    // Two references through "use as reference" links (?ref=), which also switch the panel to O3.
    await page.goto(`${projectUrl}?ref=${references[0]}`);
    let form = await panel(page);
    await until(() => form.locator('input[name="referenceAssetId"]').count()).toBe(1);
    await page.goto(`${projectUrl}?ref=${references[1]}`);
    form = await panel(page);
    await until(() => form.locator('input[name="referenceAssetId"]').count()).toBe(2);

    await form.getByLabel("Mode and model", { exact: true }).selectOption("kling-v3-omni|multi-reference");
    await form.getByLabel("Provider", { exact: true }).selectOption("fal");
    await form.getByLabel("Prompt", { exact: true }).fill(PROMPT);
    await form.getByLabel("Negative prompt", { exact: true }).fill(NEGATIVE);
    await form.getByLabel("Resolution", { exact: true }).selectOption("2k");
    await form.getByRole("radio", { name: "1:1" }).check({ force: true });
    await form.getByLabel("Images", { exact: true }).fill("3");
    await form.getByLabel("Output format", { exact: true }).selectOption("png");
    await form.getByRole("list", { name: "Elements" }).getByRole("checkbox").check();
    await form.getByLabel("Send outputs to collection").selectOption(collectionId);
    expect(await readPanel(form)).toEqual(expected());

    // Away through the studio's own link (client-side navigation), on to Settings (a full page load), and back with
    // the header's link: the project page is rendered afresh, so only the draft can bring the values back.
    await page.getByRole("link", { name: /^Spent / }).click();
    await page.waitForURL(/\/spend$/);
    await page.goto(`${projectUrl}/settings`);
    await page.getByRole("link", { name: owner.project.name, exact: true }).first().click();
    await page.waitForURL((url) => url.pathname === `/projects/${owner.project.id}`);
    form = await panel(page);
    expect(await readPanel(form)).toEqual(expected());

    // A reload: the server's HTML has the defaults, the draft is applied before the first paint, no mismatch.
    await page.goto(projectUrl);
    form = await panel(page);
    expect(await readPanel(form)).toEqual(expected());
    await page.screenshot({ path: `${SCREENSHOT_DIR}/generate-draft-restored-1440.png` });
    // Below lg the settings fold behind one button whose line must read the restored draft back, whole (not cut off).
    for (const width of [820, 390]) {
      await page.setViewportSize({ width, height: width < 500 ? 844 : 1000 });
      await page.goto(projectUrl);
      form = await panel(page);
      const fold = form.getByRole("button", { name: /^Settings/ });
      const line = (await fold.innerText()).replace(/\s+/g, " ");
      for (const part of ["1:1", "2K", "3 images", "PNG", "negative prompt"]) expect(line, `summary at ${width}`).toContain(part);
      const summary = fold.getByTestId("settings-summary");
      expect(await summary.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1), `summary cut off at ${width}`).toBe(true);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/generate-draft-restored-${width}.png` });
      // Unfolded, the controls hold the same draft.
      await fold.click();
      expect(await readPanel(form)).toEqual(expected());
      await page.screenshot({ path: `${SCREENSHOT_DIR}/generate-draft-restored-open-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(hydrationErrors).toEqual([]);

    // Another project of the team starts with an empty panel.
    const other = await db.project.create({ data: { id: createId("project"), teamId: owner.team.id, name: "Other", createdById: owner.user.id } });
    await page.goto(`${inject("appUrl")}/projects/${other.id}`);
    form = await panel(page);
    expect(await form.getByLabel("Prompt", { exact: true }).inputValue()).toBe("");

    // Signing out forgets every draft in the tab.
    await page.goto(projectUrl);
    await panel(page);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("studio:generate-draft:")).length)).toBe(1);
    await page.getByRole("button", { name: /account menu|user menu/i }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL(/sign-in/);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("studio:generate-draft:")).length)).toBe(0);
    await page.context().close();
  });
});
