import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pgPool, withPgTransaction } from "@/lib/db-pool";
import { createId } from "@/lib/ids";
import { boss, JOBS_SCHEMA, stopBoss } from "@/lib/jobs/boss";
import { createGeneration } from "@/lib/generations/create-generation";
import { createGenerationInput } from "@/lib/generations/generation-schemas";
import { checkBudgets } from "@/lib/spend/check-budgets";
import { sendSpendAlertEmails } from "@/lib/spend/send-spend-alert-emails";
import { createUser } from "@/prisma/factories/create-user";
import { addMember, createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { accessFor } from "@/tests/helpers/team-access";

afterAll(() => stopBoss({ graceful: false, timeoutMs: 5_000 }));

// kling-v3 on kling, 2 images at 1k: 56,000 micro-USD reserved per submit.
const input = createGenerationInput.parse({ mode: "text-to-image", model: "kling-v3", provider: "kling", parameters: { prompt: "A red kite", num_images: 2 } });
const EACH = 56_000n;

async function alertJobs(alertIds: string[]) {
  await boss();
  const { rows } = await pgPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${JOBS_SCHEMA}.job WHERE name = 'spend.alert-email' AND data->>'alertId' = ANY($1::text[])`, [alertIds]);
  return rows[0]!.n;
}

describe("spend alerts at 50, 80 and 100 % of each limit", () => {
  it("writes each threshold of each limit once, however many submits race past it, with its email job", { timeout: 120_000 }, async () => {
    const { user: owner } = await createUser();
    const { user: member } = await createUser();
    const team = await createTeam({ ownerId: owner.id });
    await addMember({ teamId: team.id, userId: member.id, role: "editor" });
    const project = await createProjectRow({ teamId: team.id });
    const budget = await db.budget.create({ data: { id: createId("budget"), projectId: project.id, period: "monthly", hardLimitMicros: 10n * EACH } });
    const cap = await db.spendCap.create({ data: { id: createId("spendCap"), teamId: team.id, scope: `member:${member.id}`, userId: member.id, hardLimitMicros: 4n * EACH } });
    const access = await accessFor(member.id, team.id);

    const results = await Promise.allSettled(Array.from({ length: 12 }, () => createGeneration({ access, projectId: project.id, input })));
    // The member's cap (4 submits) binds first.
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);

    const alerts = await db.spendAlert.findMany({ where: { teamId: team.id }, orderBy: [{ limitKind: "asc" }, { threshold: "asc" }] });
    expect(alerts.map((a) => [a.limitKind, a.limitId, a.threshold, a.spentMicros])).toEqual([
      ["member_cap", cap.id, 50, 2n * EACH],
      ["member_cap", cap.id, 80, 4n * EACH], // 3 of 4 is 75 %: the fourth submit reaches 80 and 100 at once
      ["member_cap", cap.id, 100, 4n * EACH],
    ]); // and the project is at 40 % of its budget: nothing for it yet
    expect(alerts.every((a) => a.userId === (a.limitKind === "member_cap" ? member.id : null))).toBe(true);
    expect(await alertJobs(alerts.map((a) => a.id))).toBe(alerts.length);

    // The owner goes on in the project up to its budget: 50 % (5 of 10) and 80 % (8 of 10) are new, each once.
    const ownerAccess = await accessFor(owner.id, team.id);
    await Promise.allSettled(Array.from({ length: 10 }, () => createGeneration({ access: ownerAccess, projectId: project.id, input })));
    const budgetAlerts = await db.spendAlert.findMany({ where: { limitId: budget.id }, orderBy: { threshold: "asc" } });
    expect(budgetAlerts.map((a) => a.threshold)).toEqual([50, 80, 100]);
    const reserved = await db.spendEntry.aggregate({ where: { projectId: project.id }, _sum: { amountMicros: true } });
    expect(reserved._sum.amountMicros).toBe(10n * EACH);

    // More submits in the same period alert nothing more.
    await Promise.allSettled(Array.from({ length: 3 }, () => createGeneration({ access: ownerAccess, projectId: project.id, input })));
    expect(await db.spendAlert.count({ where: { teamId: team.id } })).toBe(6);

    // The next month is a new period: reaching half of the budget again alerts again.
    const now = new Date();
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 2));
    await withPgTransaction((client) =>
      checkBudgets({ client, teamId: team.id, projectId: project.id, userId: owner.id, estimateMicros: 5n * EACH, budgeted: true, capped: true, now: nextMonth }),
    );
    const next = await db.spendAlert.findMany({ where: { limitId: budget.id, periodStart: { gt: now } } });
    expect(next.map((a) => a.threshold)).toEqual([50]);
  });

  it("emails an alert once: marked emailed, a second run sends nothing", async () => {
    const { user } = await createUser();
    const team = await createTeam({ ownerId: user.id });
    const alert = await db.spendAlert.create({
      data: { id: createId("spendAlert"), teamId: team.id, limitKind: "team_limit", limitId: "cap_x", periodStart: new Date(), threshold: 80, limitMicros: 100n, spentMicros: 80n },
    });
    await sendSpendAlertEmails({ alertId: alert.id });
    const first = await db.spendAlert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(first.emailedAt).not.toBeNull();
    await sendSpendAlertEmails({ alertId: alert.id });
    expect((await db.spendAlert.findUniqueOrThrow({ where: { id: alert.id } })).emailedAt).toEqual(first.emailedAt);
  });
});
