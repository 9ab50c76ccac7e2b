import http from "node:http";
import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { signedInUser } from "@/tests/helpers/signed-in-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { sim, waitFor, waitForSettled } from "@/tests/helpers/pipeline";
import { mailTo } from "@/tests/integration/auth/mailbox";

// kling-v3 on kling, one image, 1k: what each submit reserves and (the simulator charging list price) settles.
const PRICE = 28_000n;
const body = JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: "kling", parameters: { prompt: "Toward the limit", num_images: 1 } });

type Received = { id: string; signature: string; raw: string; verified: boolean; json: { text: string; type: string; alert: { id: string; threshold: number; limitKind: string; periodStart: string } } };

// The receiver a team's engineer would write: it recomputes the HMAC over "<t>.<raw body>" with the secret it was
// shown once, compares in constant time and refuses stale timestamps. The first delivery is answered 503, so the
// retry with backoff is exercised too.
function startReceiver(port: number, secret: () => string) {
  const received: Received[] = [];
  let answered = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const signature = String(req.headers["x-studio-signature"] ?? "");
      const parts = Object.fromEntries(signature.split(",").map((p) => p.split("=", 2) as [string, string]));
      const expected = createHmac("sha256", secret()).update(`${parts.t}.${raw}`).digest();
      const given = Buffer.from(parts.v1 ?? "", "hex");
      const fresh = Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
      const verified = fresh && given.length === expected.length && timingSafeEqual(given, expected);
      received.push({ id: String(req.headers["x-studio-webhook-id"]), signature, raw, verified, json: JSON.parse(raw) });
      answered += 1;
      res.writeHead(!verified ? 401 : answered === 1 ? 503 : 200).end();
    });
  });
  return { received, server, listening: new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)) };
}

const EVERY_KIND = ["project_budget", "project_soft_limit", "team_limit", "team_soft_limit", "member_cap", "member_project_cap"];
const only80 = { thresholds: [80], limitKinds: EVERY_KIND };

describe("spend alerts", () => {
  let secret = "";
  const receiver = startReceiver(inject("webhookReceiverPort"), () => secret);
  beforeAll(() => receiver.listening);
  afterAll(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())));

  it("crossing 80 % alerts once by studio, email and a signed webhook; the next period alerts again", { timeout: 240_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const owner = await signedInUser();
    const team = await createTeam({ ownerId: owner.user.id });
    const project = await createProjectRow({ teamId: team.id, name: "Alerted" });
    await db.budget.create({ data: { id: createId("budget"), projectId: project.id, period: "monthly", hardLimitMicros: 10n * PRICE } });

    // Settings through the API as an owner would: every channel hears 80 % only, and the webhook points at us.
    const put = await owner.api(`/api/v1/teams/${team.id}/spend-alert-settings`, {
      method: "PUT",
      body: JSON.stringify({ channels: { studio: only80, email: only80, webhook: only80 }, webhookUrl: `http://127.0.0.1:${inject("webhookReceiverPort")}/hooks/spend` }),
    });
    expect(put.status).toBe(200);
    const saved = await put.json();
    expect(saved).toMatchObject({ webhookSecretSet: true, webhookSecret: expect.stringMatching(/^whsec_/) });
    secret = saved.webhookSecret;
    // Shown once: reading the settings back never includes it.
    expect(await (await owner.api(`/api/v1/teams/${team.id}/spend-alert-settings`)).json()).not.toHaveProperty("webhookSecret");

    const submit = async () => {
      const response = await owner.api(`/api/v1/projects/${project.id}/generations`, { method: "POST", body });
      expect(response.status).toBe(202);
      return ((await response.json()) as { id: string }).id;
    };
    const alertMails = async () => (await mailTo(owner.user.email)).filter((m) => /80% of the monthly budget/.test(m.raw));

    const period = async (label: string) => {
      // 7 × 10 % stays under the mark; the 8th reaches it.
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push(await submit());
      expect(await alertMails()).toHaveLength(label === "first" ? 0 : 1);
      const hooksBefore = new Set(receiver.received.map((r) => r.id)).size;
      ids.push(await submit());
      const mailsBefore = label === "first" ? 0 : 1;
      await waitFor(async () => (await alertMails()).length === mailsBefore + 1, { what: `the ${label} period's alert email`, timeoutMs: 30_000 });
      await waitFor(async () => receiver.received.some((r) => r.verified && !seen.has(r.id) && r.json.alert?.threshold === 80), {
        what: `the ${label} period's webhook`,
        timeoutMs: 60_000,
      });
      const hook = receiver.received.find((r) => !seen.has(r.id))!;
      seen.add(hook.id);
      expect(new Set(receiver.received.map((r) => r.id)).size).toBe(hooksBefore + 1);
      expect(hook.json).toMatchObject({ type: "spend.alert", alert: { threshold: 80, limitKind: "project_budget" } });
      expect(hook.json.text).toContain("80% of the monthly budget of Alerted");

      // Later generations of the period send nothing more (90 % is no chosen threshold; 80 % is already alerted).
      ids.push(await submit());
      await waitForSettled(ids);
      await new Promise((r) => setTimeout(r, 3_000));
      expect(await alertMails()).toHaveLength(mailsBefore + 1);
      expect(new Set(receiver.received.map((r) => r.id)).size).toBe(hooksBefore + 1);
      return hook;
    };
    const seen = new Set<string>();

    const first = await period("first");
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    // The studio: one notification for the owner, and the banner's alert.
    const notes = await (await owner.api(`/api/v1/me/notifications?teamId=${team.id}`)).json();
    expect(notes.data.filter((n: { kind: string }) => n.kind === "spend.alert")).toHaveLength(1);
    const active = await (await owner.api(`/api/v1/teams/${team.id}/spend-alerts/active`)).json();
    expect(active.data).toMatchObject([{ threshold: 80, limitKind: "project_budget", href: `/projects/${project.id}/spend` }]);
    // Every attempt is recorded: the receiver's 503, then the retry (after the backoff) it accepted, same delivery id.
    const deliveries = await waitFor(
      async () => {
        const list = await (await owner.api(`/api/v1/teams/${team.id}/spend-alert-settings/deliveries`)).json();
        return list.data.some((d: { status: string }) => d.status === "delivered") && list;
      },
      { what: "the retried delivery", timeoutMs: 60_000 },
    );
    expect(deliveries.data.map((d: { status: string; responseCode: number; attempt: number }) => [d.status, d.responseCode, d.attempt])).toEqual([
      ["delivered", 200, 2],
      ["failed", 503, 1],
    ]);
    expect(receiver.received.filter((r) => r.id === first.id)).toHaveLength(2);

    // A month passes, told by the data: this month's ledger and alerts become last month's.
    await db.$executeRaw`UPDATE "SpendEntry" SET "createdAt" = "createdAt" - interval '1 month' WHERE "projectId" = ${project.id}`;
    await db.$executeRaw`UPDATE "SpendAlert" SET "periodStart" = "periodStart" - interval '1 month', "createdAt" = "createdAt" - interval '1 month' WHERE "teamId" = ${team.id}`;
    expect((await (await owner.api(`/api/v1/teams/${team.id}/spend-alerts/active`)).json()).data).toEqual([]);

    const second = await period("second");
    // Two 80 % alerts of the one budget: last month's (the first period, moved) and this month's.
    const eighty = await db.spendAlert.findMany({ where: { teamId: team.id, threshold: 80 }, orderBy: { periodStart: "asc" } });
    expect(eighty.map((a) => a.id)).toEqual([first.json.alert.id, second.json.alert.id]);
    expect(eighty[0]!.periodStart.getUTCMonth()).toBe((eighty[1]!.periodStart.getUTCMonth() + 11) % 12);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
  });
});
