import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { db } from "@/lib/db";
import { enhancePrompt } from "@/lib/prompts/enhance-prompt";
import { launchBrowser, SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { referenceAsset, sim, waitForSettled } from "@/tests/helpers/pipeline";
import { createTestElement, testImage, uploadElementImage } from "@/tests/helpers/elements";
import { horizontalOverflow, seriousViolations, studioTab, until } from "@/tests/helpers/studio-page";

// Issue 14 "Done means", through the generate panel: an element with three references plus two reference images in
// O3 on Kling's official API (the element is created there on first use) and on fal (inline), outputs sent to a
// collection chosen in the panel; usage rises; an edit is version 2 while the first generation keeps version 1; a
// re-run from the detail reproduces version 1 unless "latest" is ticked; the element deleted at the simulator is
// created again exactly once. A template with two variables is saved (and offered on the prompts page), filled in
// from the panel (a missing value named), the built-in enhancer's suggestion edited before use, and generated.
let browser: Browser;
let owner: Awaited<ReturnType<typeof memberOfNewTeam>>;

beforeAll(async () => {
  browser = await launchBrowser();
  await sim("/faults", { method: "DELETE" });
  owner = await memberOfNewTeam("owner");
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

type SimElement = { elementId: string; name: string; deletedAt: string | null };
const klingCreates = async (name: string) => (await sim<{ elements: SimElement[] }>("/elements/kling")).elements.filter((e) => e.name === name);

async function openPanel(page: Page) {
  await page.goto(`${inject("appUrl")}/projects/${owner.project.id}`);
  const form = page.getByRole("form", { name: "Generate" });
  // Hydrated once Generate is enabled: a choice made before that would be overwritten by React's state.
  await expect.poll(() => form.getByRole("button", { name: "Generate", exact: true }).isEnabled(), { timeout: 120_000 }).toBe(true);
  return form;
}

/** Clicks Generate and returns the generation it queued, once settled (succeeded is asserted). */
async function generateFromPanel(form: Locator) {
  const before = new Set((await db.generation.findMany({ where: { projectId: owner.project.id }, select: { id: true } })).map((g) => g.id));
  await form.getByRole("button", { name: "Generate", exact: true }).click();
  let id: string | undefined;
  await until(async () => {
    const rows = await db.generation.findMany({ where: { projectId: owner.project.id }, select: { id: true } });
    id = rows.find((r) => !before.has(r.id))?.id;
    return !!id;
  }).toBe(true);
  await waitForSettled([id!]);
  const generation = await db.generation.findUniqueOrThrow({
    where: { id: id! },
    include: { elements: { include: { elementVersion: true } }, inputs: true, assets: true },
  });
  expect(generation.status, generation.errorMessage ?? "").toBe("succeeded");
  return generation;
}

describe("elements, collections and templates through the generate panel", { timeout: 900_000 }, () => {
  it("generates O3 with an element plus two references on Kling and fal, versions it, re-runs, and re-creates it once", async () => {
    const name = `Mira ${owner.team.id.slice(-5)}`;
    const element = await createTestElement(owner.api, owner.team.id, { name, references: 3 });
    const refs = await Promise.all([30, 200].map((hue) => referenceAsset({ teamId: owner.team.id, projectId: owner.project.id, hue })));
    const created = await owner.api(`/api/v1/projects/${owner.project.id}/collections`, { method: "POST", body: JSON.stringify({ name: "Campaign picks" }) });
    expect(created.status).toBe(201);
    const collection = (await created.json()) as { id: string };

    const page = await studioTab(browser, owner.sessionToken, { width: 1440, teamId: owner.team.id });
    const form = await openPanel(page);
    await form.getByLabel("Mode and model", { exact: true }).selectOption("kling-v3-omni|multi-reference");
    await form.getByLabel("Provider", { exact: true }).selectOption("kling");
    for (const ref of refs) {
      await page.evaluate((id) => window.dispatchEvent(new CustomEvent("studio:use-reference", { detail: { assetId: id, thumbUrl: null } })), ref.id);
    }
    await until(() => form.locator('input[name="referenceAssetId"]').count()).toBe(2);
    await form.getByRole("checkbox", { name }).check();
    await until(() => form.getByText("@element1", { exact: true }).count()).toBe(1);
    await form.getByLabel("Prompt", { exact: true }).fill("@element1 walking through the scene of @image1, lit like @image2");
    await form.getByLabel("Send outputs to collection", { exact: true }).selectOption({ label: "Campaign picks" });
    expect(await seriousViolations(page)).toEqual([]);
    for (const width of [1440, 820, 390]) {
      await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
      // The gallery lays its rows out again after a resize (a frame or two later): wait for the new width's layout.
      await until(() => horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await form.getByRole("group", { name: "Elements" }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/generate-panel-elements-${width}.png` });
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // Kling's official API: the element is created there on this first use; the outputs join the chosen collection.
    const first = await generateFromPanel(form);
    expect([first.provider, first.inputs.length, first.elements.map((e) => e.elementVersion.version)]).toEqual(["kling", 2, [1]]);
    expect(first.collectionId).toBe(collection.id);
    const inCollection = await db.collectionAsset.findMany({ where: { collectionId: collection.id } });
    expect(inCollection.map((c) => c.assetId).sort()).toEqual(first.assets.map((a) => a.id).sort());
    expect(await klingCreates(name)).toHaveLength(1);

    // fal, inline: frontal + three references and the two images, nothing created anywhere. The panel kept everything.
    await form.getByLabel("Provider", { exact: true }).selectOption("fal");
    const onFal = await generateFromPanel(form);
    const falInput = (await sim<{ input: { elements: { reference_image_urls: string[] }[]; image_urls: string[]; prompt: string } }>(
      `/jobs/fal/${encodeURIComponent(onFal.providerTaskId!)}`,
    )).input;
    expect([falInput.elements.length, falInput.elements[0]!.reference_image_urls.length, falInput.image_urls.length]).toEqual([1, 3, 2]);
    expect(falInput.prompt).toBe("@Element1 walking through the scene of @Image1, lit like @Image2");
    expect(await klingCreates(name)).toHaveLength(1);

    // Usage count rises on the element's page.
    const elementPage = await studioTab(browser, owner.sessionToken, { width: 1440, teamId: owner.team.id });
    await elementPage.goto(`${inject("appUrl")}/elements/${element.id}`);
    await until(() => elementPage.getByText("2 generations", { exact: true }).count()).toBeGreaterThan(0);

    // An edit is version 2; generating again sends it (created at Kling anew) and the first still records version 1.
    const upload = await uploadElementImage(owner.api, owner.team.id, await testImage("#202020"));
    const { uploadKey } = (await upload.json()) as { uploadKey: string };
    expect((await owner.api(`/api/v1/teams/${owner.team.id}/elements/${element.id}`, { method: "PATCH", body: JSON.stringify({ frontal: { uploadKey } }) })).status).toBe(200);
    await form.getByLabel("Provider", { exact: true }).selectOption("kling");
    const third = await generateFromPanel(form);
    expect(third.elements.map((e) => e.elementVersion.version)).toEqual([2]);
    const recorded = await db.generationElement.findMany({ where: { generationId: first.id }, include: { elementVersion: true } });
    expect(recorded.map((r) => r.elementVersion.version)).toEqual([1]);
    expect(await klingCreates(name)).toHaveLength(2);
    await elementPage.reload();
    await until(() => elementPage.getByText("3 generations", { exact: true }).count()).toBeGreaterThan(0);
    await elementPage.context().close();

    // Re-run from the first image's detail: the recorded version 1 by default, version 2 only when asked.
    const detail = await studioTab(browser, owner.sessionToken, { width: 1440, teamId: owner.team.id });
    await detail.goto(`${inject("appUrl")}/projects/${owner.project.id}/assets/${first.assets[0]!.id}`);
    await detail.getByText("Re-runs use these recorded versions", { exact: false }).waitFor();
    expect(await detail.getByText("(now v2)", { exact: true }).count()).toBe(1);
    const rerun = async () => {
      const before = await db.generation.count({ where: { rerunOfId: first.id } });
      const button = detail.getByRole("button", { name: "Re-run", exact: true });
      // Enabled once hydrated and once the previous re-run has been answered.
      await expect.poll(() => button.isEnabled(), { timeout: 120_000 }).toBe(true);
      await button.click();
      await expect.poll(() => db.generation.count({ where: { rerunOfId: first.id } }), { timeout: 120_000 }).toBe(before + 1).catch(async (error: unknown) => {
        await detail.screenshot({ path: `${SCREENSHOT_DIR}/asset-detail-rerun-failed.png`, fullPage: true });
        throw error;
      });
      const row = await db.generation.findFirstOrThrow({ where: { rerunOfId: first.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
      await waitForSettled([row.id]);
      return (await db.generationElement.findMany({ where: { generationId: row.id }, include: { elementVersion: true } })).map((e) => e.elementVersion.version);
    };
    expect(await rerun()).toEqual([1]);
    expect(await klingCreates(name)).toHaveLength(2);
    await detail.getByRole("checkbox", { name: "Use each element's latest version" }).check();
    await detail.getByText("Re-runs use each element's latest version", { exact: false }).waitFor();
    expect(await rerun()).toEqual([2]);
    // The detail also lists the hand-picked collection this image went to, ticked.
    expect(await detail.getByRole("checkbox", { name: "Campaign picks" }).isChecked()).toBe(true);
    expect(await seriousViolations(detail)).toEqual([]);
    for (const width of [1440, 820, 390]) {
      await detail.setViewportSize({ width, height: width < 500 ? 844 : 900 });
      expect(await horizontalOverflow(detail)).toBeLessThanOrEqual(0);
      await detail.getByText("Re-runs use", { exact: false }).scrollIntoViewIfNeeded();
      await detail.screenshot({ path: `${SCREENSHOT_DIR}/asset-detail-rerun-elements-${width}.png` });
    }
    await detail.context().close();

    // Deleted at the simulator: the next generation re-creates it, exactly once, and succeeds.
    const live = (await klingCreates(name)).filter((e) => !e.deletedAt);
    const v2 = live.at(-1)!;
    await sim(`/elements/kling/${v2.elementId}`, { method: "DELETE" });
    const afterDelete = await generateFromPanel(form);
    const creates = await klingCreates(name);
    expect(creates).toHaveLength(3);
    expect(afterDelete.elements.map((e) => e.elementVersion.version)).toEqual([2]);
    const { providerTaskId } = afterDelete;
    const sent = await (await fetch(`${inject("stackEnv").SIMULATOR_URL}/_sim/jobs/kling/${providerTaskId}`)).text();
    expect(sent).toContain(creates.at(-1)!.elementId);
    await page.context().close();
  });

  it("offers elements with V3 text to image on Segmind (inline, (element1)), not on Kling, and on WaveSpeed O3 as images", async () => {
    const name = `Juno ${owner.team.id.slice(-5)}`;
    await createTestElement(owner.api, owner.team.id, { name, references: 1 });
    const page = await studioTab(browser, owner.sessionToken, { width: 1440, teamId: owner.team.id });
    const form = await openPanel(page);
    await form.getByLabel("Mode and model", { exact: true }).selectOption("kling-v3|text-to-image");
    const elements = form.getByRole("group", { name: "Elements" });
    // Kling takes elements only by library id with O3: no picker for V3 there.
    await form.getByLabel("Provider", { exact: true }).selectOption("kling");
    await until(() => elements.count()).toBe(0);
    await form.getByLabel("Provider", { exact: true }).selectOption("segmind");
    await until(() => elements.count()).toBe(1);
    await form.getByRole("checkbox", { name }).check();
    await form.getByLabel("Prompt", { exact: true }).fill("@element1 reading on a night train");
    expect(await seriousViolations(page)).toEqual([]);
    for (const width of [1440, 820, 390]) {
      await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
      await until(() => horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await elements.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/generate-panel-elements-segmind-${width}.png` });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    const onSegmind = await generateFromPanel(form);
    const segmind = (await sim<{ input: { prompt: string; elements: unknown[] } }>(`/jobs/segmind/${encodeURIComponent(onSegmind.providerTaskId!)}`)).input;
    expect([segmind.prompt, segmind.elements.length]).toEqual(["(element1) reading on a night train", 1]);
    expect(onSegmind.elements.map((e) => e.elementVersion.version)).toEqual([1]);

    // WaveSpeed O3: the same element, chosen in the panel, arrives as two extra images and by its name.
    await form.getByLabel("Mode and model", { exact: true }).selectOption("kling-v3-omni|multi-reference");
    await form.getByLabel("Provider", { exact: true }).selectOption("wavespeed");
    await until(() => form.getByRole("checkbox", { name }).isChecked()).toBe(true);
    const onWaveSpeed = await generateFromPanel(form);
    const wavespeed = (await sim<{ input: { prompt: string; images: string[] } }>(`/jobs/wavespeed/${encodeURIComponent(onWaveSpeed.providerTaskId!)}`)).input;
    expect([wavespeed.prompt, wavespeed.images.length]).toEqual([`${name} reading on a night train`, 2]);
    await page.context().close();
  });

  it("counts WaveSpeed O3's images (each element's frontal and views) as elements are picked and blocks Generate past 10", async () => {
    const suffix = owner.team.id.slice(-5);
    const names = [1, 2, 3].map((i) => `Crowd ${i} ${suffix}`);
    for (const name of names) await createTestElement(owner.api, owner.team.id, { name, references: 3 });
    const page = await studioTab(browser, owner.sessionToken, { width: 1440, teamId: owner.team.id });
    const form = await openPanel(page);
    await form.getByLabel("Mode and model", { exact: true }).selectOption("kling-v3-omni|multi-reference");
    await form.getByLabel("Provider", { exact: true }).selectOption("wavespeed");
    const generate = form.getByRole("button", { name: "Generate", exact: true });
    const counted = form.getByTestId("input-image-count");
    await form.getByRole("checkbox", { name: names[0] }).check();
    await form.getByRole("checkbox", { name: names[1] }).check();
    await until(() => counted.textContent()).toMatch(/^8 of 10 images/);
    expect(await generate.isEnabled()).toBe(true);
    // The reference images get what the elements' eight leave.
    expect(await form.getByText("0 / 2", { exact: true }).count()).toBe(1);
    // The third makes 12: said beside Elements and beside Generate, which stays disabled until one goes.
    await form.getByRole("checkbox", { name: names[2] }).check();
    await until(() => counted.textContent()).toMatch(/^12 of 10 images/);
    const reason = "WaveSpeedAI takes at most 10 images, and each element's frontal and reference images count: these make 12.";
    await until(() => form.getByRole("group", { name: "Elements" }).getByText(reason, { exact: false }).count()).toBe(1);
    expect(await form.locator("#generate-blocked").textContent()).toContain(reason);
    expect(await generate.isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    for (const width of [1440, 820, 390]) {
      await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
      await until(() => horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await counted.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/generate-panel-element-images-${width}.png` });
    }
    await form.getByRole("checkbox", { name: names[0] }).uncheck();
    await until(() => generate.isEnabled()).toBe(true);
    expect(await counted.textContent()).toMatch(/^8 of 10 images/);
    await page.context().close();
  });

  it("saves a template with two variables, fills it in, edits the enhancer's suggestion, and generates it", async () => {
    const page = await studioTab(browser, owner.sessionToken, { width: 1440, teamId: owner.team.id });
    await page.goto(`${inject("appUrl")}/prompts`);
    const saveForm = page.getByRole("form", { name: "New template" });
    await saveForm.getByLabel("Name", { exact: true }).fill("Panel hero");
    await saveForm.getByLabel("Prompt", { exact: true }).fill("{product} on a stone plinth in {season}");
    await saveForm.getByLabel("Available in").selectOption({ label: owner.project.name });
    await saveForm.getByLabel("Aspect ratio").selectOption("4:3");
    await saveForm.getByRole("button", { name: "Save template" }).click();
    await until(() => page.getByRole("list", { name: "Templates" }).getByRole("heading", { name: "Panel hero", exact: true }).count()).toBe(1);
    const saved = await db.prompt.findFirstOrThrow({ where: { teamId: owner.team.id, name: "Panel hero" } });
    expect([saved.projectId, saved.parameters]).toEqual([owner.project.id, { aspect_ratio: "4:3" }]);
    expect(await seriousViolations(page)).toEqual([]);
    // The prompts page offers the same templates to start a new one from.
    await saveForm.getByRole("button", { name: "Start from a template" }).click();
    await page.getByRole("dialog").getByRole("button", { name: /Panel hero/ }).click();
    await page.getByRole("dialog").getByLabel("product", { exact: true }).fill("vase");
    await page.getByRole("dialog").getByLabel("season", { exact: true }).fill("spring");
    await page.getByRole("dialog").getByRole("button", { name: "Use template" }).click();
    await until(() => saveForm.getByLabel("Prompt", { exact: true }).inputValue()).toBe("vase on a stone plinth in spring");

    const form = await openPanel(page);
    await form.getByRole("button", { name: "Templates & recent" }).click();
    const picker = page.getByRole("dialog");
    await picker.getByRole("button", { name: /Panel hero/ }).click();
    // A missing value is named; nothing is applied until every variable has one.
    await picker.getByLabel("product", { exact: true }).fill("glass perfume bottle");
    await picker.getByRole("button", { name: "Use template" }).click();
    await until(() => picker.getByText("Fill in season.").count()).toBe(1);
    await picker.getByLabel("season", { exact: true }).fill("winter");
    await picker.getByRole("button", { name: "Use template" }).click();
    await until(() => form.getByLabel("Prompt", { exact: true }).inputValue()).toBe("glass perfume bottle on a stone plinth in winter");
    // The template's saved aspect ratio came with it.
    expect(await form.getByRole("radio", { name: "4:3" }).isChecked()).toBe(true);
    await form.getByLabel("Mode and model", { exact: true }).selectOption("kling-v3|text-to-image");
    await form.getByLabel("Provider", { exact: true }).selectOption("fal");

    // The built-in enhancer: the pure function's suggestion, shown as a diff, edited, then used.
    await form.getByRole("button", { name: "Enhance prompt" }).click();
    const suggestion = form.getByLabel("Edit before using it");
    expect(await suggestion.inputValue()).toBe(enhancePrompt("glass perfume bottle on a stone plinth in winter").text);
    expect(await form.locator("ins").count()).toBeGreaterThan(0);
    const edited = "glass perfume bottle on a stone plinth in winter, soft morning light";
    await suggestion.fill(edited);
    await form.getByRole("button", { name: "Use this prompt" }).click();
    await until(() => form.getByLabel("Prompt", { exact: true }).inputValue()).toBe(edited);

    const generation = await generateFromPanel(form);
    expect([generation.prompt, generation.aspectRatio]).toEqual([edited, "4:3"]);

    // It is now a recent prompt, offered by the same control.
    await form.getByRole("button", { name: "Templates & recent" }).click({ timeout: 120_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: `${SCREENSHOT_DIR}/generate-panel-recent-failed.png`, fullPage: true });
      throw error;
    });
    await page.getByRole("dialog").getByRole("tab", { name: /Recent/ }).click();
    await until(() => page.getByRole("dialog").getByRole("button", { name: edited }).count()).toBe(1);
    await page.keyboard.press("Escape");
    await page.context().close();
  });

  it("adds a gallery selection to a collection from the bulk bar and takes it out again", async () => {
    const created = await owner.api(`/api/v1/projects/${owner.project.id}/collections`, { method: "POST", body: JSON.stringify({ name: "Bulk picks" }) });
    const collection = (await created.json()) as { id: string };
    const members = () => db.collectionAsset.count({ where: { collectionId: collection.id } });
    // At 390 px too: a narrow tile's hover actions once covered its select button and took the click.
    for (const width of [1440, 390]) {
      const page = await studioTab(browser, owner.sessionToken, { width, teamId: owner.team.id });
      await openPanel(page);
      const select = page.getByRole("button", { name: "Select image", exact: true });
      await select.nth(0).click();
      await select.nth(1).click();
      const bar = page.getByRole("region", { name: "Selection" });
      await bar.getByRole("button", { name: "Add to collection" }).click();
      await page.getByRole("menuitem", { name: "Bulk picks", exact: true }).first().click();
      await until(members).toBe(2);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      // Scanned with the menu closed: an open Radix menu hides the rest of the page from assistive tech on purpose.
      expect(await seriousViolations(page)).toEqual([]);
      await bar.getByRole("button", { name: "Add to collection" }).click();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/gallery-bulk-collection-${width}.png` });
      await page.getByRole("menuitem", { name: "Bulk picks", exact: true }).last().click();
      await until(members).toBe(0);
      await page.context().close();
    }
  });
});
