import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { db } from "@/lib/db";
import { launchBrowser, SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { sim, waitForSettled } from "@/tests/helpers/pipeline";
import { testImage } from "@/tests/helpers/elements";
import { seriousViolations, studioTab, until } from "@/tests/helpers/studio-page";

// Issue 14, items 1 and 2 in the browser: an element made in the studio with a frontal image and three references,
// used in O3 generations on Kling (registered there) and fal (inline), its usage rising; an edit is version 2 while the
// first generation keeps version 1. (Templates and the enhancer: tests/e2e/generate-panel-elements.test.ts.)
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

async function files(count: number) {
  const colors = ["#c0603a", "#3a7fc0", "#5aa05a", "#a05aa0", "#202020"];
  return Promise.all(colors.slice(0, count).map(async (color, i) => ({ name: `view-${i}.png`, mimeType: "image/png", buffer: await testImage(color) })));
}

describe("elements and prompts in the studio", { timeout: 600_000 }, () => {
  it("creates an element with three references, uses it on Kling and fal, and versions it on edit", async () => {
    const page = await studioTab(browser, owner.sessionToken, { width: 1440, teamId: owner.team.id });
    await page.goto(`${inject("appUrl")}/elements`);
    await page.getByRole("button", { name: "New element" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name", { exact: true }).fill("Mira");
    await dialog.getByLabel("Kind").selectOption("character");
    await dialog.getByLabel("Description (optional)").fill("Our mascot, orange fur");
    const [front, ...refs] = await files(4);
    await dialog.getByLabel("Frontal image", { exact: true }).setInputFiles(front!);
    for (const [i, file] of refs.entries()) await dialog.getByLabel(`Reference ${i + 1}`, { exact: true }).setInputFiles(file);
    await until(() => dialog.getByRole("img", { name: /preview$/ }).count()).toBe(4);
    await dialog.getByRole("button", { name: "Create element" }).click();
    await page.waitForURL(/\/elements\/elm_/).catch(async (error: unknown) => {
      await page.screenshot({ path: `${SCREENSHOT_DIR}/elements-create-failed.png` });
      throw error;
    });
    const elementId = page.url().split("/").pop()!;
    await page.getByRole("heading", { level: 1, name: "Mira" }).waitFor();
    expect(await page.getByRole("img", { name: /Mira, reference \d/ }).count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);

    // A refused file is named beside its slot and nothing is sent.
    await page.goto(`${inject("appUrl")}/elements`);
    await page.getByRole("button", { name: "New element" }).first().click();
    await page.getByRole("dialog").getByLabel("Frontal image", { exact: true })
      .setInputFiles({ name: "tiny.png", mimeType: "image/png", buffer: await testImage("#ffffff", { width: 100, height: 100 }) });
    await until(() => page.getByRole("dialog").getByRole("alert").textContent()).toMatch(/300/);
    await page.keyboard.press("Escape");

    // O3 on Kling's own API (the element is registered at Kling on first use) and on fal (inline).
    const generate = async (provider: string) => {
      const res = await owner.api(`/api/v1/projects/${owner.project.id}/generations`, {
        method: "POST",
        body: JSON.stringify({ mode: "multi-reference", model: "kling-v3-omni", provider, parameters: { prompt: "@element1 on a beach", num_images: 1 }, elementIds: [elementId] }),
      });
      expect(res.status).toBe(202);
      const { id } = (await res.json()) as { id: string };
      await waitForSettled([id]);
      return id;
    };
    const first = await generate("kling");
    await generate("fal");
    await page.goto(`${inject("appUrl")}/elements/${elementId}`);
    await page.getByText("Used in").waitFor();
    expect(await page.getByText("2 generations", { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("list", { name: "Images made with version 1" }).getByRole("img").count()).toBe(2);

    // Edit: a new frontal image makes version 2; the first generation still records version 1.
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByRole("dialog").getByLabel("Frontal image", { exact: true }).setInputFiles((await files(5))[4]!);
    // The slot shows the current image until the new one is uploaded; its remove button appears with the new one.
    await page.getByRole("dialog").getByRole("button", { name: "Remove frontal image" }).waitFor();
    await page.getByRole("dialog").getByRole("button", { name: "Save as new version" }).click();
    await until(() => page.getByText("Version 2", { exact: true }).count()).toBe(1);
    await generate("kling");
    const recorded = await db.generationElement.findMany({ where: { generationId: first }, include: { elementVersion: true } });
    expect(recorded.map((r) => r.elementVersion.version)).toEqual([1]);
    await page.reload();
    await page.getByText("Version 2", { exact: true }).waitFor();
    expect(await page.getByText("3 generations", { exact: true }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/elements-detail-used-1440.png`, fullPage: true });

    // Archive: gone from the library, listed under Archived.
    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Archive" }).click();
    await until(() => page.getByText("Archived", { exact: true }).count()).toBeGreaterThan(0);
    await page.goto(`${inject("appUrl")}/elements`);
    expect(await page.getByRole("list", { name: "Elements" }).count()).toBe(0);
    await page.context().close();
  });
});
