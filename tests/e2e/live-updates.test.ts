import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { addMember } from "@/prisma/factories/create-team";
import { launchBrowser, SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { memberOfNewTeam, signedInUser } from "@/tests/helpers/signed-in-user";
import { sim } from "@/tests/helpers/pipeline";

// Issue 4 item 6: one member's studio tab sees another member's generation appear and finish, with no reload; and
// a tab that was not yet listening when something changed (a page still loading, a dropped stream) catches up.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A browser tab carrying the member's session cookie, not yet on any page. */
async function signedInPage(sessionToken: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const url = new URL(inject("appUrl"));
  await context.addCookies([{ name: "authjs.session-token", value: sessionToken, domain: url.hostname, path: "/", httpOnly: true, sameSite: "Lax" }]);
  return context.newPage();
}

const projectUrl = (projectId: string) => `${inject("appUrl")}/projects/${projectId}`;

async function openProject(sessionToken: string, projectId: string): Promise<Page> {
  const page = await signedInPage(sessionToken);
  await page.goto(projectUrl(projectId));
  await page.waitForSelector("h1");
  return page;
}

const body = (prompt: string) => JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: "wavespeed", parameters: { prompt, num_images: 1 } });

describe("live updates in the studio", () => {
  it("shows a teammate's generation appear and succeed in an open tab", async () => {
    await sim("/faults", { method: "DELETE" });
    const owner = await memberOfNewTeam("owner");
    const teammate = await signedInUser();
    await addMember({ teamId: owner.team.id, userId: teammate.user.id, role: "editor" });
    const page = await openProject(owner.sessionToken, owner.project.id);
    await page.waitForTimeout(500); // the tab's event stream is open

    const prompt = "a teammate's lighthouse at dawn";
    const res = await teammate.api(`/api/v1/projects/${owner.project.id}/generations`, { method: "POST", body: body(prompt) });
    expect(res.status).toBe(202);
    // The gallery tile is the finished image, named by its prompt (the queue row it passed through may be gone by then).
    await expect.poll(() => page.getByTestId("gallery-grid").getByRole("img", { name: prompt, exact: true }).count(), { timeout: 45_000 }).toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/live-update.png` });
  });

  it("catches up on a change made before its stream was listening", async () => {
    const owner = await memberOfNewTeam("owner");
    const prompt = "made while the page was loading";
    // The change lands after the page's data was read but before its stream subscribed: simulated by rendering the
    // page, then writing the change straight to the database (no event), then letting the stream connect.
    const page = await signedInPage(owner.sessionToken);
    await page.route("**/events?*", async (route) => {
      // Hold the stream until the silent change is written.
      await db.generation.create({
        data: {
          id: createId("generation"), teamId: owner.team.id, projectId: owner.project.id, createdById: owner.user.id,
          model: "kling-v3", provider: "wavespeed", mode: "text_to_image", parameters: { prompt }, prompt, aspectRatio: "16:9", resolution: "1k",
          numImages: 1, status: "failed", correlationId: createId("generation"), estimatedCostMicros: 0n, errorMessage: "made for the test",
        },
      });
      await route.continue();
    });
    await page.goto(projectUrl(owner.project.id));
    await expect.poll(() => page.getByText(prompt).count(), { timeout: 20_000 }).toBe(1);
  });
});
