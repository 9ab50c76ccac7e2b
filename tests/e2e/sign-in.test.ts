import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("signing in", () => {
  it("takes an owner from the sign-in page to their team's projects", async () => {
    const { user, password } = await createUser({ name: "Ada" });
    const team = await createTeam({ name: "Northwind Creative", ownerId: user.id });
    await createProjectRow({ teamId: team.id, name: "Autumn Launch", description: "Key visuals for the autumn drop." });

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${inject("appUrl")}/`);
    await page.waitForURL(/\/sign-in/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in.png` });

    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    // The form's own alert (Next's route announcer is an alert too).
    await expect.poll(() => page.getByRole("form", { name: "Sign in" }).getByRole("alert").textContent()).toContain("don't match");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in-error.png` });

    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => page.getByText("Autumn Launch").count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/projects.png` });

    await page.getByText("Autumn Launch").click();
    await page.waitForURL(/\/projects\/prj_/);
    await expect.poll(() => page.getByRole("heading", { name: "Autumn Launch" }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/project.png` });
  });

  it("shows field messages beside the fields", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("appUrl")}/sign-in`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.locator("#email-error").textContent()).toContain("Enter the email address");
    await expect.poll(() => page.locator("#password-error").textContent()).toContain("Enter your password");
  });
});
