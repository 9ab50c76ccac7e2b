import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { referenceAsset } from "@/tests/helpers/pipeline";
import { horizontalOverflow, seriousViolations, studioTab, until } from "@/tests/helpers/studio-page";

// Issue 12 items 1 and 3 on a phone: the generate panel folds its settings so the gallery starts on the first screen,
// a count the provider won't take is said beside the field (and kept as typed) instead of being changed quietly, and
// compare lists each setting's values one under the other instead of a table that hides every column but the first.

let browser: Browser;
let owner: Awaited<ReturnType<typeof memberOfNewTeam>>;
beforeAll(async () => {
  browser = await launchBrowser();
  owner = await memberOfNewTeam("owner");
});
afterAll(async () => {
  await browser?.close();
});

describe("the studio at 390 px", { timeout: 300_000 }, () => {
  it("folds the generate panel's settings and says a wrong image count beside its field", async () => {
    const page = await studioTab(browser, owner.sessionToken, { width: 390, teamId: owner.team.id });
    await page.goto(`${inject("appUrl")}/projects/${owner.project.id}`);
    const form = page.getByRole("form", { name: "Generate" });
    await expect.poll(() => form.getByRole("button", { name: "Generate", exact: true }).isEnabled(), { timeout: 60_000 }).toBe(true);

    // Folded: the prompt, the settings read back in one line, Generate — and the gallery's tabs on the first screen.
    const settings = form.getByRole("button", { name: /^Settings/ });
    expect(await settings.getAttribute("aria-expanded")).toBe("false");
    expect(await settings.textContent()).toContain("16:9");
    expect(await form.getByLabel("Mode and model", { exact: true }).isVisible()).toBe(false);
    const galleryTab = page.getByRole("tab", { name: "Gallery" }).or(page.getByRole("link", { name: "Gallery" })).or(page.getByRole("button", { name: "Gallery" })).first();
    const box = await galleryTab.boundingBox();
    expect(box && box.y + box.height).toBeLessThan(844);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/generate-panel-folded-390.png` });

    // Unfolded, a 0 is kept as typed, said beside the field, and Generate says why it is disabled.
    await settings.click();
    expect(await settings.getAttribute("aria-expanded")).toBe("true");
    const count = form.getByLabel("Images", { exact: true });
    await count.fill("0");
    await count.blur();
    await until(() => count.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await count.getAttribute("aria-describedby")) ?? "";
    const beside = await Promise.all(describedBy.split(" ").map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(beside).toContain("At least 1 image.");
    expect(await count.inputValue()).toBe("0");
    expect(await form.getByRole("button", { name: "Generate", exact: true }).isDisabled()).toBe(true);
    expect(await form.getByText("Images: At least 1 image.").count()).toBe(1);
    // Folding again is refused while a setting is wrong: the message must stay in sight.
    await settings.click();
    expect(await count.isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/generate-panel-count-error-390.png`, fullPage: true });

    await count.fill("2");
    await until(() => form.getByRole("button", { name: "Generate", exact: true }).isEnabled()).toBe(true);
    await page.context().close();
  });

  it("shows compare's recipes setting by setting, every image's value in sight", async () => {
    const a = await referenceAsset({ teamId: owner.team.id, projectId: owner.project.id, width: 1600, height: 900, hue: 20 });
    const b = await referenceAsset({ teamId: owner.team.id, projectId: owner.project.id, width: 900, height: 900, hue: 200 });
    const page = await studioTab(browser, owner.sessionToken, { width: 390, teamId: owner.team.id });
    await page.goto(`${inject("appUrl")}/projects/${owner.project.id}/compare?ids=${a.id},${b.id}`);
    const list = page.getByRole("list", { name: "Recipes, setting by setting" });
    await list.waitFor();
    expect(await page.getByRole("table").isVisible()).toBe(false);
    const first = list.getByRole("listitem").first();
    expect(await first.getByRole("term").allTextContents()).toEqual(["A", "B"]);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/compare-390.png`, fullPage: true });
    await page.context().close();
  });
});
