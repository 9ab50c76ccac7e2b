// The settings pages in Chromium: members and invitations, the shown-once API key, provider keys with a field error
// and a saved key, the audit log, project settings and the invitation page. Screenshots land in
// test-results/screenshots/teams-*.png.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { SCREENSHOT_DIR } from "@/tests/helpers/browser";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { createUser } from "@/prisma/factories/create-user";
import { addMember, createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";

let browser: Browser;
let context: BrowserContext;
let page: Page;
let teamId: string;
let projectId: string;
// Scrolled to the top first: a full-page capture of a scrolled page paints the sticky header mid-page.
const shot = async (name: string) => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/teams-${name}.png`, fullPage: true });
};

beforeAll(async () => {
  const { user, password } = await createUser({ name: "Ada Lovelace", email: `ada-${Date.now()}@northwind.test` });
  const team = await createTeam({ name: "Northwind Creative", ownerId: user.id });
  await createTeam({ name: "Side Project", ownerId: user.id });
  teamId = team.id;
  for (const [name, role] of [["Grace Hopper", "admin"], ["Alan Turing", "editor"], ["Edsger Dijkstra", "viewer"]] as const) {
    const member = await createUser({ name, email: `${name.split(" ")[0]!.toLowerCase()}-${Date.now()}@northwind.test` });
    await addMember({ teamId: team.id, userId: member.user.id, role });
  }
  const project = await createProjectRow({ teamId: team.id, name: "Autumn Launch", description: "Key visuals for the autumn drop." });
  projectId = project.id;
  await createProjectRow({ teamId: team.id, name: "Holiday Social" });
  const access = await resolveTeamAccess({ caller: { kind: "user", userId: user.id }, teamId: team.id, permission: "team.manage" });
  await createApiKey({ access, input: { name: "CMS export", access: "read", projectIds: [project.id] } });
  await createInvitation({ access, input: { email: "margaret@northwind.test", role: "editor" } });

  const { sessionToken } = await signInWithPassword({ email: user.email, password });
  // playwright-core 1.65 refuses the --user-data-dir flag tests/helpers/browser.ts passes; launch() makes its own profile.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const url = new URL(inject("appUrl"));
  await context.addCookies([
    { name: "authjs.session-token", value: sessionToken, domain: url.hostname, path: "/", httpOnly: true, sameSite: "Lax" },
    { name: "studio-team", value: team.id, domain: url.hostname, path: "/", httpOnly: true, sameSite: "Lax" },
  ]);
  page = await context.newPage();
  // Fail with the locator's name rather than running into the test's own timeout.
  page.setDefaultTimeout(15_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

// Server actions round-trip through the server (and the provider check through the simulator): give them time.
const until = <T>(probe: () => Promise<T> | T) => expect.poll(probe, { timeout: 20_000, interval: 100 });

const go = async (path: string) => {
  await page.goto(`${inject("appUrl")}${path}`);
  await page.waitForLoadState("load");
};

describe("team settings in the browser", { timeout: 120_000 }, () => {
  it("shows the team switcher and settings links in the header", async () => {
    await go("/settings");
    const header = page.getByRole("banner");
    await until(() => header.getByRole("button", { name: /^Team: Northwind Creative/ }).count()).toBe(1);
    // Both teams are offered in the switcher.
    await header.getByRole("button", { name: /^Team: / }).click();
    await until(() => page.getByRole("menuitemradio", { name: /Side Project/ }).count()).toBe(1);
    expect(await page.getByRole("menuitemradio", { name: /Northwind Creative/, checked: true }).count()).toBe(1);
    await page.keyboard.press("Escape");
    expect(await header.getByRole("link", { name: "Settings", exact: true }).count()).toBe(1);
    expect(await header.getByRole("link", { name: "Account", exact: true }).count()).toBe(1);
    await shot("general");
  });

  it("invites a member and lists members and invitations", async () => {
    await go("/settings/members");
    await page.locator("#invite-email").fill("not-an-email");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await until(() => page.getByRole("textbox", { name: "Email" }).getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByText("Enter an email address").count()).toBe(1);
    await page.locator("#invite-email").fill("katherine@northwind.test");
    await page.locator("#invite-role").selectOption("viewer");
    await page.getByRole("button", { name: "Send invitation" }).click();
    // The test stack runs an SMTP server (tests/setup/smtp-server.ts), so the link goes out by email.
    await until(() => page.getByRole("status").filter({ hasText: "Invitation emailed to katherine@northwind.test" }).count()).toBe(1);
    await until(() => mailTo("katherine@northwind.test")).toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
    await until(() => page.getByText("katherine@northwind.test").count()).toBeGreaterThan(0);
    await shot("members");
  });

  it("creates an API key and shows it exactly once", async () => {
    await go("/settings/api-keys");
    await page.getByLabel("Name").fill("Render farm");
    await page.getByLabel("Read-write (acts as an editor)").check();
    await page.getByRole("button", { name: "Create key" }).click();
    await until(() => page.getByLabel("Your new API key").inputValue()).toMatch(/^as_/);
    const key = await page.getByLabel("Your new API key").inputValue();
    await shot("api-keys-created");
    await go("/settings/api-keys");
    expect(await page.content()).not.toContain(key);
    expect(await page.getByText(key.slice(0, 8)).count()).toBeGreaterThan(0);
  });

  it("checks provider keys: a wrong key is refused beside its field, a good one is saved", async () => {
    await go("/settings/providers");
    const segmind = page.getByRole("region", { name: /^Segmind/ });
    await segmind.getByLabel("API key").fill("wrong-key");
    await segmind.getByRole("button", { name: "Save key" }).click();
    await until(() => segmind.getByText(/refused this key/).count()).toBe(1);
    expect(await segmind.getByLabel("API key").getAttribute("aria-invalid")).toBe("true");
    const runware = page.getByRole("region", { name: /^Runware/ });
    await runware.getByLabel("API key").fill("sim-runware-key");
    await runware.getByRole("button", { name: "Save key" }).click();
    await until(() => page.getByTestId("status-runware").textContent()).toContain("Using your key ••••-key");
    // The accepted key doesn't linger in the form.
    await until(() => runware.getByLabel("API key").inputValue()).toBe("");
    expect(await page.getByTestId("status-fal").textContent()).toContain("Simulator (no keys configured)");
    await shot("providers");
  });

  it("shows the audit log", async () => {
    await go("/settings/audit");
    await until(() => page.getByText("credential.saved").count()).toBeGreaterThan(0);
    await shot("audit");
  });

  it("restricts a project to named members", async () => {
    await go(`/projects/${projectId}/settings`);
    await page.getByRole("button", { name: "Restrict to named members" }).click();
    await until(() => page.getByLabel("Add a team member").count()).toBe(1);
    await page.getByLabel("Add a team member").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await until(() => page.getByRole("table").getByText("Alan Turing").count()).toBe(1);
    await shot("project-settings");
  });

  it("welcomes a new person on the invitation page", async () => {
    const access = await resolveTeamAccess({ caller: { kind: "user", userId: await ownerId() }, teamId, permission: "member.manage" });
    const { url } = await createInvitation({ access, input: { email: `newcomer-${Date.now()}@northwind.test`, role: "editor" } });
    const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await visitor.goto(url.replace(/^https?:\/\/[^/]+/, inject("appUrl")));
    await visitor.getByRole("button", { name: "Create account and join" }).click();
    await until(() => visitor.getByText(/at least 12/).count()).toBeGreaterThan(0);
    expect(await visitor.getByLabel("Password").getAttribute("aria-invalid")).toBe("true");
    await visitor.screenshot({ path: `${SCREENSHOT_DIR}/teams-invite.png`, fullPage: true });
    await visitor.getByLabel("Your name").fill("Newcomer");
    await visitor.getByLabel("Password").fill("a long enough password");
    await visitor.getByRole("button", { name: "Create account and join" }).click();
    await visitor.waitForURL((u) => u.pathname === "/");
    // Autumn Launch was restricted above, so the newcomer (an editor, not named on it) sees only the open project.
    await until(() => visitor.getByText("Holiday Social").count()).toBe(1);
    expect(await visitor.getByText("Autumn Launch").count()).toBe(0);
    await visitor.close();
  });
});

/** The raw invitation email the app sent to this address, as the SMTP server stored it. */
async function mailTo(address: string): Promise<string> {
  const dir = inject("mailDir");
  const files = await fs.readdir(dir).catch(() => [] as string[]);
  for (const file of files) {
    const mail = JSON.parse(await fs.readFile(path.join(dir, file), "utf8")) as { to: string[]; raw: string };
    if (mail.to.includes(address)) return mail.raw.replace(/=\r?\n/g, "");
  }
  return "";
}

async function ownerId() {
  const { db } = await import("@/lib/db");
  const owner = await db.membership.findFirstOrThrow({ where: { teamId, role: "owner" } });
  return owner.userId;
}
