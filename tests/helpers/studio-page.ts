import { expect, inject } from "vitest";
import type { Browser, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

/** A tab carrying a member's session cookie (and, optionally, their chosen team), not yet on any page. */
export async function studioTab(browser: Browser, sessionToken: string, options: { width?: number; teamId?: string } = {}): Promise<Page> {
  const width = options.width ?? 1280;
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 } });
  const url = new URL(inject("appUrl"));
  const cookie = { domain: url.hostname, path: "/", httpOnly: true, sameSite: "Lax" as const };
  await context.addCookies([
    { name: "authjs.session-token", value: sessionToken, ...cookie },
    ...(options.teamId ? [{ name: "studio-team", value: options.teamId, ...cookie }] : []),
  ]);
  const page = await context.newPage();
  // Fail with the locator's name rather than running into the test's own timeout.
  page.setDefaultTimeout(20_000);
  // `next dev` (TEST_NEXT_MODE=dev) compiles a route on its first visit, which takes a while on small machines.
  page.setDefaultNavigationTimeout(120_000);
  return page;
}

/** Server actions round-trip through the server (and `next dev` compiles each on first use): give them time. */
export const until = <T>(probe: () => Promise<T> | T) => expect.poll(probe, { timeout: 60_000, interval: 100 });

/** The page scrolls sideways when the document is wider than the window. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Serious and critical axe findings, each as "rule: target" lines so a failure names what to fix. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // `next dev` may reload a page once while it compiles a route: scan again after the reload.
  const result = await new AxeBuilder({ page }).analyze().catch(async (error: Error) => {
    if (!/Execution context was destroyed/.test(error.message)) throw error;
    await page.waitForLoadState("load");
    return new AxeBuilder({ page }).analyze();
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${v.help}`));
}
