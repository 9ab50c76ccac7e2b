import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { spendWorld, type SpendWorld } from "@/tests/helpers/spend-world";
import { studioTab, until } from "@/tests/helpers/studio-page";

// Issue 13's journey: an owner sets a project budget and a member cap in the studio; the member generates in the
// panel until the soft limit (the banner appears), then into the cap (refused, the reason beside Generate); the
// owner's spend page, open all along, shows the new spend in its chart and table without a reload.

let browser: Browser;
let owner: SpendWorld["owner"];
let editor: SpendWorld["editor"];

beforeAll(async () => {
  ({ browser, owner, editor } = await spendWorld());
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

// Each submit's outcome as the panel announces it: "queued", or the refusal's message.
async function outcomes(page: Page) {
  return page.evaluate(() => (window as unknown as { __outcomes: string[] }).__outcomes);
}
// A submit answers after the server action's revalidation, slow on a busy machine (as in asset-detail.test.ts).
const settled = <T>(probe: () => Promise<T>) => expect.poll(probe, { timeout: 180_000, interval: 200 });

describe("spend limits journey", { timeout: 600_000 }, () => {
  it("budget and cap set in the studio; soft limit → banner; cap → reason beside Generate; spend page live", async () => {
    const app = inject("appUrl");
    const ownerTab = await studioTab(browser, owner.sessionToken, { width: 1440, teamId: owner.team.id });
    // Project budget: alert (soft) at $0.05, hard limit $1.00.
    await ownerTab.goto(`${app}/projects/${owner.project.id}/settings`);
    const budget = ownerTab.getByRole("form", { name: "Monthly budget", exact: true });
    // The suite's first page of a cold production server on a busy machine can take longer than an action's 20 s.
    await budget.waitFor({ timeout: 120_000 });
    await budget.getByLabel("Alert at (USD)", { exact: true }).fill("0.05");
    await budget.getByLabel("Hard limit (USD)", { exact: true }).fill("1");
    await budget.getByRole("button", { name: "Save budget" }).click();
    await until(() => budget.getByText("Budget saved.").count()).toBe(1);
    // The editor's cap: $0.10, three $0.028 images and not a fourth.
    await ownerTab.goto(`${app}/settings/spend-limits`);
    const cap = ownerTab.getByRole("form", { name: "Set a member cap", exact: true });
    await cap.getByLabel("Member", { exact: true }).selectOption(editor.user.id);
    await cap.getByLabel("Cap (USD)", { exact: true }).fill("0.1");
    await cap.getByRole("button", { name: "Set cap" }).click();
    await until(() => ownerTab.getByRole("cell", { name: "All projects", exact: true }).count()).toBe(1);
    // The owner keeps the project's spend page open from here on.
    await ownerTab.goto(`${app}/projects/${owner.project.id}/spend`);
    await ownerTab.getByRole("heading", { level: 1 }).first().waitFor();

    const page = await studioTab(browser, editor.sessionToken, { width: 1440, teamId: owner.team.id });
    await page.goto(`${app}/projects/${owner.project.id}`);
    const form = page.getByRole("form", { name: "Generate" });
    const generate = form.getByRole("button", { name: "Generate", exact: true });
    await expect.poll(() => generate.isEnabled(), { timeout: 120_000 }).toBe(true);
    await page.evaluate(() => {
      const w = window as unknown as { __outcomes: string[] };
      w.__outcomes = [];
      window.addEventListener("studio:generation-submitted", (e) => {
        const detail = (e as CustomEvent<{ state: string; error?: string }>).detail;
        if (detail.state === "queued") w.__outcomes.push("queued");
        if (detail.state === "failed") w.__outcomes.push(detail.error ?? "failed");
      });
    });
    await form.getByLabel("Provider", { exact: true }).selectOption("kling");
    await form.getByLabel("Images", { exact: true }).fill("1");
    await expect.poll(() => form.getByTestId("estimate").textContent()).toBe("$0.028");
    await page.getByLabel("Prompt", { exact: true }).fill("a paper lantern over a river");
    const banner = page.getByRole("region", { name: "Spend limit warnings", exact: true });

    // 1: $0.028, 56 % of the soft limit: a 50 % notification, no banner.
    await generate.click();
    await settled(() => outcomes(page)).toEqual(["queued"]);
    expect(await banner.count()).toBe(0);
    // 2: $0.056, past the $0.05 soft limit: the banner says so, on this page, without a reload.
    await expect.poll(() => generate.isEnabled(), { timeout: 60_000 }).toBe(true);
    await generate.click();
    await settled(() => outcomes(page)).toEqual(["queued", "queued"]);
    await until(() => banner.getByText("100% of the soft limit of Launch reached", { exact: false }).count()).toBe(1);
    // 3: $0.084, 84 % of the cap: the banner names the member's own cap too.
    await expect.poll(() => generate.isEnabled(), { timeout: 60_000 }).toBe(true);
    await generate.click();
    await settled(() => outcomes(page)).toEqual(["queued", "queued", "queued"]);
    await until(() => banner.getByText("80% of your monthly cap reached", { exact: false }).count()).toBe(1);
    // 4: over the cap. Refused, and the reason sits beside the button: which limit, what is left, what it would cost.
    await expect.poll(() => generate.isEnabled(), { timeout: 60_000 }).toBe(true);
    await generate.click();
    const refusal = "This would cost about $0.028, but only $0.016 of your monthly cap ($0.100) is left.";
    await settled(() => outcomes(page)).toEqual(["queued", "queued", "queued", refusal]);
    await until(() => form.getByRole("alert").textContent()).toBe(refusal);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/spend-journey-refused-1440.png`, fullPage: false });
    for (const width of [820, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SCREENSHOT_DIR}/spend-journey-banner-${width}.png`, fullPage: false });
    }

    // The owner's spend page, never reloaded: the table's total and the chart show the three generations.
    await until(async () => (await ownerTab.getByRole("row", { name: /^Total/ }).count()) > 0 && (await ownerTab.getByRole("row", { name: /^Total/ }).textContent())).toContain("$0.084");
    await until(() => ownerTab.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
    // The owner sees the team-wide banner as well (owners see every limit).
    await until(() => ownerTab.getByRole("region", { name: "Spend limit warnings", exact: true }).getByText("100% of the soft limit of Launch reached", { exact: false }).count()).toBe(1);
    await ownerTab.screenshot({ path: `${SCREENSHOT_DIR}/spend-journey-owner-spend-1440.png`, fullPage: true });
    await page.context().close();
    await ownerTab.context().close();
  });
});
