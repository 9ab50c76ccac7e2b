import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import type { ApiKeyScope } from "@/lib/api-keys/api-key-scopes";
import { signedInUser } from "@/tests/helpers/signed-in-user";
import { addMember, createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { waitFor } from "@/tests/helpers/pipeline";

// Issue 13 item 6: the alert settings' REST routes are usable with an API key that has the right scope — reading them
// (settings, deliveries) with spend:read, changing them (settings, secret, test delivery) with alerts:write — and only
// on a key for every project, within its creator's current role. The banner's active alerts need no scope.

const keyFetch = (key: string) => (path: string, init: RequestInit = {}) =>
  fetch(`${inject("appUrl")}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers } });

async function keyOf(teamId: string, creatorId: string, input: { access: "read" | "read_write"; scopes: ApiKeyScope[]; projectIds?: string[] }) {
  const access = await resolveTeamAccess({ caller: { kind: "user", userId: creatorId }, teamId, permission: "apikey.manage" });
  const { key } = await createApiKey({ access, input: { name: `key ${input.scopes.join(" ")}`, projectIds: [], ...input } });
  return keyFetch(key);
}

// A loopback port nothing listens on: the test delivery fails fast and its failed attempt is what the list shows.
const settings = {
  channels: { studio: { thresholds: [80, 100], limitKinds: ["team_limit"] }, email: { thresholds: [100], limitKinds: ["team_limit"] }, webhook: { thresholds: [80], limitKinds: ["team_limit"] } },
  webhookUrl: "http://127.0.0.1:9/hooks/spend",
};

describe("spend alert settings with API keys", () => {
  it("read with spend:read, change with alerts:write (read-write, every project), never above the creator's role", { timeout: 90_000 }, async () => {
    const owner = await signedInUser();
    const team = await createTeam({ ownerId: owner.user.id });
    const project = await createProjectRow({ teamId: team.id, name: "Alerted" });
    const base = `/api/v1/teams/${team.id}`;
    const plain = await keyOf(team.id, owner.user.id, { access: "read_write", scopes: [] });
    const reader = await keyOf(team.id, owner.user.id, { access: "read", scopes: ["spend:read"] });
    const budgeter = await keyOf(team.id, owner.user.id, { access: "read_write", scopes: ["spend:read", "budgets:write"] });
    const alerter = await keyOf(team.id, owner.user.id, { access: "read_write", scopes: ["spend:read", "alerts:write"] });
    const limited = await keyOf(team.id, owner.user.id, { access: "read_write", scopes: ["spend:read", "alerts:write"], projectIds: [project.id] });

    for (const path of [`${base}/spend-alert-settings`, `${base}/spend-alert-settings/deliveries`]) {
      expect((await plain(path)).status, `plain ${path}`).toBe(403);
      expect((await reader(path)).status, `reader ${path}`).toBe(200);
    }
    // Setting budgets is not setting where alerts go: the budgets:write key is refused every change.
    const put = (f: ReturnType<typeof keyFetch>) => f(`${base}/spend-alert-settings`, { method: "PUT", body: JSON.stringify(settings) });
    for (const [who, f] of [["plain", plain], ["reader", reader], ["budgeter", budgeter], ["project-limited", limited]] as const) {
      expect((await put(f)).status, `${who} PUT`).toBe(403);
      expect((await f(`${base}/spend-alert-settings/webhook-secret`, { method: "POST" })).status, `${who} rotate`).toBe(403);
      expect((await f(`${base}/spend-alert-settings/webhook-test`, { method: "POST" })).status, `${who} test`).toBe(403);
    }
    expect(await db.spendAlertSettings.count({ where: { teamId: team.id } })).toBe(0);

    const saved = await put(alerter);
    expect(saved.status).toBe(200);
    const first = await saved.json();
    expect(first).toMatchObject({ webhookUrl: settings.webhookUrl, webhookSecretSet: true, webhookSecret: expect.stringMatching(/^whsec_/) });
    expect(await (await reader(`${base}/spend-alert-settings`)).json()).toEqual({ channels: settings.channels, webhookUrl: settings.webhookUrl, webhookSecretSet: true });

    const rotated = await alerter(`${base}/spend-alert-settings/webhook-secret`, { method: "POST" });
    expect(rotated.status).toBe(200);
    const { webhookSecret } = (await rotated.json()) as { webhookSecret: string };
    expect(webhookSecret).toMatch(/^whsec_/);
    expect(webhookSecret).not.toBe(first.webhookSecret);

    const test = await alerter(`${base}/spend-alert-settings/webhook-test`, { method: "POST" });
    expect(test.status).toBe(202);
    const { deliveryId } = (await test.json()) as { deliveryId: string };
    // The worker's attempt (refused by the closed port) is listed for a spend:read key.
    const deliveries = await waitFor(async () => {
      const list = (await (await reader(`${base}/spend-alert-settings/deliveries`)).json()) as { data: { id: string; status: string; url: string }[] };
      return list.data.length > 0 ? list.data : null;
    }, { timeoutMs: 60_000, what: "the test delivery's attempt" });
    expect(deliveries[0]).toMatchObject({ status: "failed", url: settings.webhookUrl });
    expect(deliveryId).toMatch(/^test_/);

    // The banner's list needs no scope: any key of the team reads what its creator would see.
    const active = await plain(`${base}/spend-alerts/active`);
    expect(active.status).toBe(200);
    expect(await active.json()).toEqual({ data: [] });

    // A scope never outlasts the creator's role: an admin's alerts:write key loses it when the admin becomes an editor.
    const admin = await signedInUser();
    await addMember({ teamId: team.id, userId: admin.user.id, role: "admin" });
    const adminKey = await keyOf(team.id, admin.user.id, { access: "read_write", scopes: ["alerts:write"] });
    expect((await adminKey(`${base}/spend-alert-settings/webhook-secret`, { method: "POST" })).status).toBe(200);
    await db.membership.update({ where: { teamId_userId: { teamId: team.id, userId: admin.user.id } }, data: { role: "editor" } });
    expect((await adminKey(`${base}/spend-alert-settings/webhook-secret`, { method: "POST" })).status).toBe(403);

    // alerts:write is a write: a read-only key can't be made with it.
    const refused = await owner.api(`${base}/api-keys`, { method: "POST", body: JSON.stringify({ name: "nope", access: "read", scopes: ["alerts:write"] }) });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { fields: { scopes: expect.stringMatching(/read-write/) } } });
  });
});
