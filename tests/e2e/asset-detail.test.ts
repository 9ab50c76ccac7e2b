import fs from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { sim } from "@/tests/helpers/pipeline";
import { studioTab, until } from "@/tests/helpers/studio-page";

// Issue 12 items 3, 6 and 7 in Chromium against the whole stack: the image detail (direct and as a modal over the
// project page), its recipe and actions, the arrow keys, a server-converted download, compare, and the generate panel
// keeping what was typed across an error and a submit.

let browser: Browser;
let owner: Awaited<ReturnType<typeof memberOfNewTeam>>;
let assetIds: string[];
let generationId: string;
const PROMPT = "a brass telescope on a windowsill at dusk";

async function waitForGeneration(id: string) {
  for (let start = Date.now(); ; await new Promise((r) => setTimeout(r, 250))) {
    const { status } = (await (await owner.api(`/api/v1/generations/${id}`)).json()) as { status: string };
    if (status === "succeeded") return;
    if (Date.now() - start > 90_000) throw new Error(`generation ${id} is still ${status}`);
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  await sim("/faults", { method: "DELETE" });
  owner = await memberOfNewTeam("owner");
  const res = await owner.api(`/api/v1/projects/${owner.project.id}/generations`, {
    method: "POST",
    body: JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: "fal", parameters: { prompt: PROMPT, num_images: 3, aspect_ratio: "16:9" } }),
  });
  expect(res.status, await res.clone().text()).toBe(202);
  generationId = ((await res.json()) as { id: string }).id;
  await waitForGeneration(generationId);
  // Outputs are ingested after the generation succeeds: wait for all three assets.
  for (let start = Date.now(); ; await new Promise((r) => setTimeout(r, 250))) {
    const listed = (await (await owner.api(`/api/v1/projects/${owner.project.id}/assets`)).json()) as { data: { id: string }[] };
    assetIds = listed.data.map((a) => a.id);
    if (assetIds.length === 3) break;
    if (Date.now() - start > 60_000) throw new Error(`${assetIds.length} of 3 assets after 60 s`);
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

const asset = async (id: string) => (await (await owner.api(`/api/v1/assets/${id}`)).json()) as { favourite: boolean; rating: number | null };
const tab = (width = 1440) => studioTab(browser, owner.sessionToken, { width, teamId: owner.team.id });
const detailUrl = (id: string) => `${inject("appUrl")}/projects/${owner.project.id}/assets/${id}`;

describe("the image detail", { timeout: 300_000 }, () => {
  it("opens directly with the whole recipe; favourite, rate, arrow to the next image", async () => {
    const page = await tab();
    await page.goto(detailUrl(assetIds[0]!));
    const recipe = page.getByRole("region", { name: "Recipe" });
    await recipe.waitFor();
    await expect.poll(() => recipe.getByText(PROMPT, { exact: true }).count()).toBe(1);
    for (const label of ["Model", "Provider", "Seed", "Aspect ratio", "Resolution", "Made by", "Cost", "Timings"]) {
      expect(await recipe.getByText(label, { exact: true }).count(), label).toBe(1);
    }
    expect(await recipe.getByText("fal", { exact: true }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/asset-detail-1440.png`, fullPage: true });

    await page.getByRole("button", { name: "Add to favourites", exact: true }).click();
    await until(async () => (await asset(assetIds[0]!)).favourite).toBe(true);
    await until(() => page.getByRole("button", { name: "Favourite", exact: true }).getAttribute("aria-pressed")).toBe("true");

    await page.getByRole("button", { name: "Rate 4 stars", exact: true }).click();
    await until(async () => (await asset(assetIds[0]!)).rating).toBe(4);

    // Newest first (the gallery's default order): the next image is the second newest, then the third; the last has no next.
    // Two presses in quick succession move two images: the second press, made while the first image is still loading,
    // steps on from it instead of being lost.
    await page.locator("body").press("ArrowRight");
    await page.locator("body").press("ArrowRight");
    await page.waitForURL(detailUrl(assetIds[2]!));
    await until(() => page.getByRole("button", { name: "Next image", exact: true }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Next image", exact: true }).isDisabled()).toBe(true);
    await until(() => page.getByRole("region", { name: "Recipe" }).getByText(PROMPT, { exact: true }).count()).toBe(1);
    // One step back by the Previous link.
    await page.getByRole("link", { name: "Previous image", exact: true }).click();
    await page.waitForURL(detailUrl(assetIds[1]!));
    await until(() => page.getByRole("link", { name: "Next image", exact: true }).getAttribute("href").catch(() => null)).toContain(assetIds[2]!);
    await page.context().close();
  });

  it("walks only the gallery's filter: with favourites=true there is no neighbour", async () => {
    const res = await owner.api(`/api/v1/assets/${assetIds[1]}/neighbours?favourite=true`);
    // assetIds[0] is the only favourite (starred above) and comes before assetIds[1] in the newest-first order.
    expect(await res.json()).toEqual({ previous: assetIds[0], next: null });
    const oldest = await owner.api(`/api/v1/assets/${assetIds[1]}/neighbours?sort=oldest`);
    expect(await oldest.json()).toEqual({ previous: assetIds[2], next: assetIds[0] });
  });

  it("re-runs with the same seed and downloads a JPEG converted by the server", async () => {
    const page = await tab();
    await page.goto(detailUrl(assetIds[0]!));
    await page.getByRole("button", { name: "Re-run", exact: true }).click();
    await until(() => page.getByText("Re-run (same seed) queued.").count()).toBeGreaterThan(0);
    const list = async () => ((await (await owner.api(`/api/v1/projects/${owner.project.id}/generations`)).json()) as { data: { id: string; rerunOfId: string | null }[] }).data;
    await until(async () => (await list()).filter((g) => g.rerunOfId === generationId).length).toBe(1);

    await page.getByLabel("Format", { exact: true }).selectOption("jpeg");
    await page.getByLabel("Size", { exact: true }).selectOption("512");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download", exact: true }).click()]);
    const file = await download.path();
    const meta = await sharp(await fs.readFile(file)).metadata();
    expect(meta.format).toBe("jpeg");
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(512);
    expect(download.suggestedFilename()).toBe(`${assetIds[0]}-512.jpg`);
    await page.context().close();
  });

  it("opens as a modal over the project page, and Escape returns to it", async () => {
    const page = await tab();
    const projectUrl = `${inject("appUrl")}/projects/${owner.project.id}`;
    await page.goto(projectUrl);
    // Hydrated (the router takes navigations) once Generate is enabled.
    await expect.poll(() => page.getByRole("button", { name: "Generate", exact: true }).isEnabled(), { timeout: 120_000 }).toBe(true);
    // The gallery's tiles are plain links to this URL; a client-side navigation is what a click on one does.
    await page.evaluate((url) => (window as unknown as { next: { router: { push: (u: string) => void } } }).next.router.push(url), `/projects/${owner.project.id}/assets/${assetIds[0]}`);
    const dialog = page.getByRole("dialog", { name: "Image" });
    // `next dev` compiles the intercepting route on its first use.
    await dialog.waitFor({ timeout: 120_000 });
    await page.waitForURL(detailUrl(assetIds[0]!));
    await expect.poll(() => dialog.getByText(PROMPT, { exact: true }).count()).toBe(1);
    // The project page is still there underneath (not a full page load).
    expect(await page.getByRole("form", { name: "Generate", includeHidden: true }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/asset-modal-1440.png` });
    await page.keyboard.press("ArrowRight");
    await page.waitForURL(detailUrl(assetIds[1]!));
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await until(() => dialog.count()).toBe(0);
    await page.waitForURL(projectUrl);
    await page.context().close();
  });
});

describe("compare", { timeout: 300_000 }, () => {
  it("shows two images side by side and with a slider, marking the recipe rows that differ", async () => {
    // A remix at another aspect ratio: the recipe differs in the ratio, not the prompt.
    const res = await owner.api(`/api/v1/generations/${generationId}/rerun`, { method: "POST", body: JSON.stringify({ parameters: { aspect_ratio: "1:1", num_images: 1 } }) });
    expect(res.status, await res.clone().text()).toBe(202);
    const remix = ((await res.json()) as { id: string }).id;
    await waitForGeneration(remix);
    let square: string | undefined;
    await until(async () => {
      square = ((await (await owner.api(`/api/v1/generations/${remix}`)).json()) as { outputs: { asset: { id: string } | null }[] }).outputs[0]?.asset?.id;
      return !!square;
    }).toBe(true);

    const page = await tab();
    await page.goto(`${inject("appUrl")}/projects/${owner.project.id}/compare?ids=${assetIds[0]},${square}`);
    const table = page.getByRole("table");
    await table.waitFor();
    // A row header reads "<setting>" or "<setting> differs".
    const row = (name: string) => table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name} ?(differs)?$`) }) });
    expect(await row("Aspect ratio").getByText("differs").count()).toBe(1);
    expect(await row("Prompt").getByText("differs").count()).toBe(0);
    await page.getByRole("checkbox", { name: "Only differences" }).check();
    expect(await row("Prompt").count()).toBe(0);
    await page.getByRole("button", { name: "Slider", exact: true }).click();
    const slider = page.getByRole("slider", { name: /Slider position/ });
    await slider.fill("20");
    expect(await page.getByRole("img", { name: /^B:/ }).evaluate((el) => getComputedStyle(el).clipPath)).toContain("20%");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/compare-1440.png`, fullPage: true });
    await page.context().close();
  });
});

describe("the generate panel", { timeout: 300_000 }, () => {
  async function submittedEvents(page: Page) {
    return page.evaluate(() => (window as unknown as { __submitted: { state: string }[] }).__submitted.map((e) => e.state));
  }

  it("keeps what was typed after an error and after a submit, and tells the queue at once", async () => {
    const page = await tab();
    await page.goto(`${inject("appUrl")}/projects/${owner.project.id}`);
    const form = page.getByRole("form", { name: "Generate" });
    // Hydrated once Generate is enabled: a choice made before that would be overwritten by React's state.
    await expect.poll(() => form.getByRole("button", { name: "Generate", exact: true }).isEnabled(), { timeout: 60_000 }).toBe(true);
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { __submitted: unknown[] }).__submitted = seen;
      window.addEventListener("studio:generation-submitted", (e) => seen.push((e as CustomEvent).detail));
    });
    // fal offers a negative prompt; its count limit is shown before submitting.
    await form.getByLabel("Provider", { exact: true }).selectOption("fal");
    await form.getByLabel("Negative prompt", { exact: true }).fill("no people");
    // The radio itself is visually hidden behind its drawn shape: the label takes the click.
    await form.getByRole("radio", { name: "1:1" }).check({ force: true });
    await form.getByLabel("Images", { exact: true }).fill("2");
    expect(await form.getByText("Up to 9 on", { exact: false }).count()).toBe(1);
    await expect.poll(() => form.getByTestId("estimate").textContent()).toBe("$0.056");

    // No prompt: the server refuses, and every setting stays.
    await form.getByRole("button", { name: "Generate", exact: true }).click();
    await until(() => page.getByLabel("Prompt", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByLabel("Negative prompt", { exact: true }).inputValue()).toBe("no people");
    expect(await form.getByRole("radio", { name: "1:1" }).isChecked()).toBe(true);
    expect(await form.getByLabel("Provider", { exact: true }).inputValue()).toBe("fal");
    await until(() => submittedEvents(page)).toEqual(["pending", "failed"]);

    // Ctrl+Enter submits; the prompt stays for the next iteration.
    await page.getByLabel("Prompt", { exact: true }).fill("a paper boat on a puddle");
    await page.getByLabel("Prompt", { exact: true }).press("Control+Enter");
    // Submit, then the page's revalidation: slow under `next dev` on a busy machine.
    await expect.poll(() => submittedEvents(page), { timeout: 180_000 }).toEqual(["pending", "failed", "pending", "queued"]);
    expect(await page.getByLabel("Prompt", { exact: true }).inputValue()).toBe("a paper boat on a puddle");
    expect(await form.getByLabel("Images", { exact: true }).inputValue()).toBe("2");
    const queued = await page.evaluate(() => (window as unknown as { __submitted: { state: string; generation?: { id: string; provider: string } }[] }).__submitted[3]);
    expect(queued?.generation?.provider).toBe("fal");
    await page.context().close();
  });

  it("limits references to the mode (edit takes one) and opens edit mode from the detail", async () => {
    const page = await tab();
    await page.goto(detailUrl(assetIds[2]!));
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    await page.waitForURL(`${inject("appUrl")}/projects/${owner.project.id}?edit=${assetIds[2]}`);
    const form = page.getByRole("form", { name: "Generate" });
    await until(() => form.getByLabel("Mode and model", { exact: true }).inputValue()).toBe("kling-v3|edit");
    expect(await form.getByRole("img", { name: "Reference @image1" }).count()).toBe(1);
    expect(await form.getByText("1 / 1").count()).toBe(1);
    // A second image does not fit an edit: the picker refuses and says why.
    await page.evaluate((id) => window.dispatchEvent(new CustomEvent("studio:use-reference", { detail: { assetId: id, thumbUrl: null } })), assetIds[1]);
    await until(() => form.getByText("at most 1 reference image", { exact: false }).count()).toBe(1);
    expect(await form.getByRole("button", { name: /^Remove reference/ }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/generate-edit-1440.png`, fullPage: true });
    await page.context().close();
  });

  it("uploads a reference from disk straight to storage and shows it in the picker", async () => {
    const page = await tab();
    await page.goto(`${inject("appUrl")}/projects/${owner.project.id}`);
    const form = page.getByRole("form", { name: "Generate" });
    await expect.poll(() => form.getByRole("button", { name: "Generate", exact: true }).isEnabled(), { timeout: 60_000 }).toBe(true);
    await form.getByLabel("Mode and model", { exact: true }).selectOption("kling-v3-omni|multi-reference");
    const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 200, g: 90, b: 30 } } }).png().toBuffer();
    await form.getByTestId("reference-file").setInputFiles({ name: "swatch.png", mimeType: "image/png", buffer: png });
    await until(() => form.getByRole("img", { name: "Reference @image1" }).count()).toBe(1);
    expect(await form.getByText("1 / 10").count()).toBe(1);
    const assetId = await form.locator('input[name="referenceAssetId"]').getAttribute("value");
    const uploaded = (await (await owner.api(`/api/v1/assets/${assetId}`)).json()) as { width: number; height: number; generation: unknown };
    expect(uploaded).toMatchObject({ width: 600, height: 400, generation: null });
    // A GIF is refused before anything is sent, with the reason beside the picker.
    await form.getByTestId("reference-file").setInputFiles({ name: "anim.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
    await until(() => form.getByText("anim.gif is not a PNG or JPEG image.").count()).toBe(1);
    await page.context().close();
  });
});
