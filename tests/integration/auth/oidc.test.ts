import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { launchBrowser as launchChromium } from "@/tests/helpers/browser";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createInvitation } from "@/tests/db/auth/create-invitation";
import { OIDC_NAME } from "@/tests/setup/oidc-server";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// Each person in a fresh browser context, so no identity-provider session carries over between tests.
async function continueWithSso(email: string, screenshots = false): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const appUrl = inject("appUrl");
  await page.goto(`${appUrl}/sign-in`);
  if (screenshots) await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in-with-sso.png` });
  await page.getByRole("button", { name: `Continue with ${OIDC_NAME}` }).click();
  // The provider's own development login: any login name (our test provider uses it as the email), any password.
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("any password");
  await page.locator('button[type="submit"]').click();
  await page.getByRole("button", { name: "Continue" }).click();
  // By port: Auth.js sends its error redirects to the request's URL, which Next reports as localhost, not 127.0.0.1.
  await page.waitForURL((url) => url.port === new URL(appUrl).port);
  await page.waitForLoadState("domcontentloaded");
  return page;
}

async function me(page: Page) {
  const res = await page.request.get(`${inject("appUrl")}/api/v1/me`);
  return { status: res.status(), body: res.ok() ? ((await res.json()) as { user: { id: string; email: string } }) : null };
}

describe("OpenID Connect single sign-on", () => {
  it("signs an existing user in and links the identity to their account by verified email", async () => {
    const { user } = await createUser({ name: "Sam" });
    const page = await continueWithSso(user.email, true);
    await page.waitForURL((url) => url.pathname === "/");
    expect((await me(page)).body?.user.id).toBe(user.id);
    const account = await db.account.findFirst({ where: { userId: user.id, provider: "oidc" } });
    expect(account?.providerAccountId).toBe(user.email);
    const event = await db.auditEvent.findFirst({ where: { action: "auth.sign_in", actorUserId: user.id } });
    expect(event?.metadata).toMatchObject({ method: "oidc" });
    // Once linked, the next sign-in finds the account by the provider's subject.
    const second = await continueWithSso(user.email);
    await second.waitForURL((url) => url.pathname === "/");
    expect(await db.account.count({ where: { userId: user.id } })).toBe(1);
  });

  it("creates the account of someone with a pending invitation", async () => {
    const { user: owner } = await createUser();
    const team = await createTeam({ ownerId: owner.id });
    const email = `sso-invited-${Date.now()}@example.test`;
    await createInvitation({ teamId: team.id, email });
    const page = await continueWithSso(email);
    await page.waitForURL((url) => url.pathname === "/");
    expect((await me(page)).body?.user.email).toBe(email);
  });

  it("refuses someone without an account or invitation, and creates nobody", async () => {
    const email = `sso-stranger-${Date.now()}@example.test`;
    const page = await continueWithSso(email);
    await page.waitForURL((url) => url.pathname === "/sign-in" && url.searchParams.get("error") === "AccessDenied");
    await expect.poll(() => page.locator('p[role="alert"]').textContent()).toContain("Ask a team admin for an invitation");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in-sso-refused.png` });
    expect((await me(page)).status).toBe(401);
    expect(await db.user.count({ where: { email } })).toBe(0);
    const event = await db.auditEvent.findFirst({ where: { action: "auth.sign_in_failed", metadata: { path: ["email"], equals: email } } });
    expect(event?.metadata).toMatchObject({ method: "oidc", reason: "not_invited" });
  });

  it("won't link an existing account to an identity whose email the provider hasn't verified", async () => {
    const { user } = await createUser({ email: `unverified-${Date.now()}@example.test` });
    const page = await continueWithSso(user.email);
    await page.waitForURL((url) => url.searchParams.get("error") === "AccessDenied");
    expect((await me(page)).status).toBe(401);
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
  });
});
