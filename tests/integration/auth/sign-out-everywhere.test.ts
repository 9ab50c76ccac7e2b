import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import type { Browser } from "playwright-core";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { launchBrowser as launchChromium } from "@/tests/helpers/browser";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const meWith = (token: string) =>
  fetch(`${inject("appUrl")}/api/v1/me`, { headers: { cookie: `authjs.session-token=${token}` } }).then((r) => r.status);

describe("sign out everywhere", () => {
  it("ends every session of the user with one click", async () => {
    const { user, password } = await createUser({ name: "Lee" });
    await createTeam({ ownerId: user.id });
    const laptop = await signInWithPassword({ email: user.email, password });
    const phone = await signInWithPassword({ email: user.email, password });
    const other = await createUser();
    const bystander = await signInWithPassword({ email: other.user.email, password: other.password });
    expect([await meWith(laptop.sessionToken), await meWith(phone.sessionToken)]).toEqual([200, 200]);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const url = new URL(inject("appUrl"));
    await context.addCookies([{ name: "authjs.session-token", value: laptop.sessionToken, domain: url.hostname, path: "/" }]);
    const page = await context.newPage();
    await page.goto(`${inject("appUrl")}/account`);
    await expect.poll(() => page.getByText("this browser").count()).toBe(1);
    expect(await page.getByRole("region", { name: "Where you're signed in" }).getByRole("listitem").count()).toBe(2);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/account.png` });

    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    // It asks first, in a dialog.
    await page.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
    await page.waitForURL((u) => u.pathname === "/sign-in");
    await expect.poll(() => page.getByRole("status").textContent()).toContain("signed out on every device");
    expect([await meWith(laptop.sessionToken), await meWith(phone.sessionToken)]).toEqual([401, 401]);
    expect(await meWith(bystander.sessionToken)).toBe(200);
    const event = await db.auditEvent.findFirst({ where: { action: "auth.sign_out_everywhere", actorUserId: user.id } });
    expect(event?.metadata).toMatchObject({ sessions: 2 });
  });

  it("is refused when another site submits the form (Next's server-action Origin check)", async () => {
    const { user, password } = await createUser();
    const { sessionToken } = await signInWithPassword({ email: user.email, password });
    const cookie = `authjs.session-token=${sessionToken}`;
    const html = await (await fetch(`${inject("appUrl")}/account`, { headers: { cookie } })).text();
    const actionField = html.match(/name="(\$ACTION_ID_[0-9a-f]+)"/)?.[1];
    expect(actionField).toBeTruthy();
    const submit = (origin: string) => {
      const form = new FormData();
      form.set(actionField!, "");
      return fetch(`${inject("appUrl")}/account`, { method: "POST", body: form, redirect: "manual", headers: { cookie, origin } });
    };
    await submit("https://evil.example");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    // The same request from our own origin does sign out, so the refusal above was the Origin check at work.
    await submit(inject("appUrl"));
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
