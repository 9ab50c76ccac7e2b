import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { db } from "@/lib/db";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { launchBrowser, SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { signedInUser } from "@/tests/helpers/signed-in-user";
import { studioTab, until } from "@/tests/helpers/studio-page";

// Issue 12 item 2: a team starts from an empty projects page and manages its projects in the browser: create (with a
// budget), rename, archive behind a confirmation, restore. Each step is checked in the database, not only on screen.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("projects in the studio", { timeout: 180_000 }, () => {
  it("creates, renames, archives and restores a project through the UI", async () => {
    const owner = await signedInUser();
    const team = await createTeam({ name: "Fresh Team", ownerId: owner.user.id });
    const page = await studioTab(browser, owner.sessionToken, { teamId: team.id });
    await page.goto(`${inject("appUrl")}/`);

    // An empty team is shown its first step.
    await until(() => page.getByRole("heading", { name: "Create your first project" }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/projects-empty.png` });
    await page.getByRole("button", { name: "Create a project" }).click();
    const dialog = page.getByRole("dialog", { name: "New project" });
    await dialog.getByLabel("Name").fill("Winter Drop");
    await dialog.getByLabel("Description (optional)").fill("Key visuals for the winter drop.");
    await dialog.getByLabel("Monthly budget in USD (optional)").fill("lots");
    await dialog.getByRole("button", { name: "Create project" }).click();
    // The refusal is said beside the field, and what was typed stays.
    await until(() => dialog.getByText("Enter an amount in dollars").count()).toBe(1);
    expect(await dialog.getByLabel("Name").inputValue()).toBe("Winter Drop");
    expect(await db.project.count({ where: { teamId: team.id } })).toBe(0);
    await dialog.getByLabel("Monthly budget in USD (optional)").fill("250");
    await dialog.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL(/\/projects\/prj_/);
    const project = await db.project.findFirstOrThrow({ where: { teamId: team.id }, include: { budgets: true } });
    expect(project).toMatchObject({ name: "Winter Drop", description: "Key visuals for the winter drop." });
    expect(project.budgets.map((b) => [b.period, b.hardLimitMicros])).toEqual([["monthly", 250_000_000n]]);

    await page.goto(`${inject("appUrl")}/`);
    // Exact: role names match substrings, and "Archived projects" contains "projects".
    const list = page.getByRole("list", { name: "Projects", exact: true });
    await until(() => list.getByRole("link", { name: "Winter Drop" }).count()).toBe(1);
    expect(await list.getByText("$0.00 of $250.00 this month").count()).toBe(1);
    expect(await list.getByText("0 images").count()).toBe(1);

    // Rename, from the card's menu.
    await page.getByRole("button", { name: "Actions for Winter Drop" }).click();
    await page.getByRole("menuitem", { name: "Rename" }).click();
    const rename = page.getByRole("dialog", { name: "Rename project" });
    // Exact: the dialog's form is labelled "Rename project", which contains "Name".
    await rename.getByLabel("Name", { exact: true }).fill("Winter Drop 2027");
    await rename.getByRole("button", { name: "Save" }).click();
    await until(() => list.getByRole("link", { name: "Winter Drop 2027" }).count()).toBe(1);
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe("Winter Drop 2027");

    // Archive asks first; cancelling changes nothing.
    await page.getByRole("button", { name: "Actions for Winter Drop 2027" }).click();
    await page.getByRole("menuitem", { name: "Archive…" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Archive Winter Drop 2027?" });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).archivedAt).toBeNull();
    await page.getByRole("button", { name: "Actions for Winter Drop 2027" }).click();
    await page.getByRole("menuitem", { name: "Archive…" }).click();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/projects-archive-confirm.png` });
    await confirm.getByRole("button", { name: "Archive project" }).click();
    const archived = page.getByRole("list", { name: "Archived projects" });
    await until(() => archived.getByRole("link", { name: "Winter Drop 2027" }).count()).toBe(1);
    expect(await list.count()).toBe(0);
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).archivedAt).not.toBeNull();

    // Restore brings it back to the list.
    await page.getByRole("button", { name: "Actions for Winter Drop 2027" }).click();
    await page.getByRole("menuitem", { name: "Restore" }).click();
    await until(() => list.getByRole("link", { name: "Winter Drop 2027" }).count()).toBe(1);
    expect(await archived.count()).toBe(0);
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).archivedAt).toBeNull();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/projects-list.png` });
  });

  it("keeps the generate form as typed across an error and a submit; Ctrl+Enter submits", async () => {
    const owner = await signedInUser();
    const team = await createTeam({ ownerId: owner.user.id });
    const project = await createProjectRow({ teamId: team.id, name: "Form" });
    const page = await studioTab(browser, owner.sessionToken, { teamId: team.id });
    await page.goto(`${inject("appUrl")}/projects/${project.id}`);
    const form = page.getByRole("form", { name: "Generate" });
    // Hydrated once Generate is enabled: a choice made before that would be overwritten by React's state.
    await until(() => form.getByRole("button", { name: "Generate", exact: true }).isEnabled()).toBe(true);
    const prompt = "a glass teapot on a windowsill, morning light";
    // Aspect ratios are drawn as shapes: the radio sits behind its label, which takes the click.
    await form.getByRole("radio", { name: "1:1" }).check({ force: true });
    await form.getByLabel("Provider", { exact: true }).selectOption("fal");
    await form.getByLabel("Images", { exact: true }).fill("2");
    // No prompt yet: the server refuses, the message is beside the prompt, and nothing chosen is lost.
    await form.getByRole("button", { name: "Generate", exact: true }).click();
    await until(() => form.getByLabel("Prompt", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByRole("radio", { name: "1:1" }).isChecked()).toBe(true);
    expect(await form.getByLabel("Provider", { exact: true }).inputValue()).toBe("fal");
    expect(await form.getByLabel("Images", { exact: true }).inputValue()).toBe("2");
    expect(await db.generation.count({ where: { projectId: project.id } })).toBe(0);

    await form.getByLabel("Prompt", { exact: true }).fill(prompt);
    await form.getByLabel("Prompt", { exact: true }).press("Control+Enter");
    await until(() => db.generation.count({ where: { projectId: project.id } })).toBe(1);
    const generation = await db.generation.findFirstOrThrow({ where: { projectId: project.id } });
    expect(generation).toMatchObject({ prompt, aspectRatio: "1:1", provider: "fal", numImages: 2 });
    // After a successful submit the form still holds the prompt and settings, ready for the next variation.
    await until(() => form.getByRole("button", { name: "Generate", exact: true }).isEnabled()).toBe(true);
    expect(await form.getByLabel("Prompt", { exact: true }).inputValue()).toBe(prompt);
    expect(await form.getByRole("radio", { name: "1:1" }).isChecked()).toBe(true);
    expect(await form.getByLabel("Images", { exact: true }).inputValue()).toBe("2");
    expect(await form.getByLabel("Prompt", { exact: true }).getAttribute("aria-invalid")).toBeNull();
  });
});
