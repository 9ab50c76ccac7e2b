import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { consumeMagicLinkLimits, MAGIC_LINK_LIMITS } from "@/lib/auth/magic-link-limits";
import { SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { launchBrowser as launchChromium } from "@/tests/helpers/browser";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createInvitation } from "@/tests/db/auth/create-invitation";
import { mailTo, signInLink, waitForMail } from "./mailbox";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function requestLink(email: string): Promise<{ page: Page; text: string }> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${inject("appUrl")}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.waitForURL((url) => url.searchParams.get("check-email") === "1");
  return { page, text: (await page.getByRole("main").textContent()) ?? "" };
}

async function openLinkAndExpectStudio(page: Page, email: string) {
  await page.goto(signInLink(await waitForMail(email)));
  await page.waitForURL((url) => url.pathname === "/");
  const me = await page.request.get(`${inject("appUrl")}/api/v1/me`);
  expect(me.status()).toBe(200);
  return ((await me.json()) as { user: { id: string; email: string } }).user;
}

/**
 * That a refused request sent nothing, without sleeping and hoping. A link is mailed only for a verification token
 * Auth.js creates before it answers (the mail itself goes out just after, lib/auth/email-provider.ts): no token once
 * the request has been answered means no mail will ever come. And as a sentinel for the mailbox, a link requested
 * afterwards for an existing user: once it has arrived, mail sent before it would have too.
 */
async function expectNoLinkFor(email: string) {
  expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(0);
  const { user: sentinel } = await createUser();
  await requestLink(sentinel.email);
  await waitForMail(sentinel.email);
  expect(await mailTo(email)).toEqual([]);
}

describe("magic links", () => {
  it("mails an existing user a link that signs them in", async () => {
    const { user } = await createUser();
    const { page } = await requestLink(user.email.toUpperCase());
    await page.screenshot({ path: `${SCREENSHOT_DIR}/check-email.png` });
    const signedIn = await openLinkAndExpectStudio(page, user.email);
    expect(signedIn.id).toBe(user.id);
    const event = await db.auditEvent.findFirst({ where: { action: "auth.sign_in", actorUserId: user.id } });
    expect(event?.metadata).toMatchObject({ method: "email" });
    // The link works once.
    const [mail] = await mailTo(user.email);
    const again = await (await browser.newContext()).newPage();
    await again.goto(signInLink(mail!));
    await again.waitForURL((url) => url.searchParams.get("error") === "Verification");
  });

  it("lets an invited person in: the account is created by accepting the invitation, as a member of the team", async () => {
    const { user: owner } = await createUser();
    const team = await createTeam({ ownerId: owner.id });
    const email = `invited-${Date.now()}@example.test`;
    const invitation = await createInvitation({ teamId: team.id, email });
    const { page } = await requestLink(email);
    const signedIn = await openLinkAndExpectStudio(page, email);
    expect(signedIn.email).toBe(email);
    expect((await db.user.findUnique({ where: { email } }))?.emailVerified).toBeInstanceOf(Date);
    // Not a bare account that would outlive a revocation: the invitation is used up and the team sees a member it can remove.
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).toBeInstanceOf(Date);
    expect(await db.membership.findUnique({ where: { teamId_userId: { teamId: team.id, userId: signedIn.id } } })).toMatchObject({ role: "editor" });
  });

  it("creates no account from a link mailed while invited once the invitation is revoked", async () => {
    const { user: owner } = await createUser();
    const team = await createTeam({ ownerId: owner.id });
    const email = `revoked-later-${Date.now()}@example.test`;
    const invitation = await createInvitation({ teamId: team.id, email });
    await requestLink(email);
    const mail = await waitForMail(email);
    await db.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    const page = await (await browser.newContext()).newPage();
    await page.goto(signInLink(mail));
    await page.waitForURL((url) => url.searchParams.get("error") === "AccessDenied");
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await page.request.get(`${inject("appUrl")}/api/v1/me`)).status()).toBe(401);
  });

  it("answers an unknown email exactly like a known one, sending nothing and creating nobody", async () => {
    const { user } = await createUser();
    const unknown = `stranger-${Date.now()}@example.test`;
    const known = await requestLink(user.email);
    const stranger = await requestLink(unknown);
    expect(stranger.text).toBe(known.text);
    await expectNoLinkFor(unknown);
    expect(await db.user.count({ where: { email: unknown } })).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: unknown } })).toBe(0);
  });

  it("refuses a revoked invitation the same silent way", async () => {
    const { user: owner } = await createUser();
    const team = await createTeam({ ownerId: owner.id });
    const email = `revoked-${Date.now()}@example.test`;
    await createInvitation({ teamId: team.id, email, revokedAt: new Date() });
    await requestLink(email);
    await expectNoLinkFor(email);
  });

  it("says how long to wait once an address has asked too often", async () => {
    const { user } = await createUser();
    // Spend the address's allowance directly (as five earlier requests would have), then ask once more in the page.
    for (let i = 0; i < MAGIC_LINK_LIMITS.perEmail.limit; i++) await consumeMagicLinkLimits({ email: user.email, ip: null });
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${inject("appUrl")}/sign-in`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect
      .poll(() => page.locator('p[role="alert"]').textContent())
      .toMatch(/Too many sign-in links were requested\. Try again in \d+ minutes?\./);
    expect(page.url()).not.toContain("check-email");
  });

  it("keeps Auth.js's own endpoint from mailing links around the limits", async () => {
    const res = await fetch(`${inject("appUrl")}/api/auth/signin/email`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "someone@example.test" }),
    });
    expect(res.status).toBe(404);
  });
});
