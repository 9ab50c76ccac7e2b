import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser as launchChromium } from "@/tests/helpers/browser";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("security headers", () => {
  it("sends a Content-Security-Policy and the other hardening headers on pages", async () => {
    const res = await fetch(`${inject("appUrl")}/sign-in`);
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get("content-security-policy") ?? "");
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    // Presigned image URLs come from the stack's S3 endpoint; the SSO form may be redirected to the provider.
    expect(csp.get("img-src")).toEqual(expect.arrayContaining(["'self'", "data:", "blob:", new URL(inject("stackEnv").S3_ENDPOINT!).origin]));
    expect(csp.get("form-action")?.[0]).toBe("'self'");
    expect(csp.get("form-action")).toHaveLength(2);
    // Only `next dev` (TEST_NEXT_MODE=dev) gets eval, for React refresh; the default run is a production build.
    expect(csp.get("script-src")?.includes("'unsafe-eval'")).toBe(process.env.TEST_NEXT_MODE === "dev");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    // Served over http here, so no HSTS (it would pin the host to https for a year).
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("doesn't get in the way of the studio's own pages", async () => {
    const { sessionToken } = await memberOfNewTeam();
    const context = await browser.newContext();
    const url = new URL(inject("appUrl"));
    await context.addCookies([{ name: "authjs.session-token", value: sessionToken, domain: url.hostname, path: "/" }]);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const path of ["/sign-in", "/", "/account"]) {
      await page.goto(`${inject("appUrl")}${path}`);
      await page.waitForLoadState("networkidle");
    }
    expect(violations).toEqual([]);
  });
});
