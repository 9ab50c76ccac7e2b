import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { createId } from "@/lib/ids";
import { boss, JOBS_SCHEMA, stopBoss } from "@/lib/jobs/boss";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { dispatchSpendAlert } from "@/lib/spend-alerts/dispatch-spend-alert";
import { updateSpendAlertSettings } from "@/lib/spend-alerts/update-spend-alert-settings";
import { listActiveSpendAlerts } from "@/lib/spend-alerts/list-active-spend-alerts";
import { createUser } from "@/prisma/factories/create-user";
import { addMember, createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { generationRows } from "@/prisma/factories/generation-rows";

afterAll(() => stopBoss({ graceful: false, timeoutMs: 5_000 }));

const KINDS = ["project_budget", "project_soft_limit", "team_limit", "team_soft_limit", "member_cap", "member_project_cap"] as const;

async function webhookJobs(alertId: string) {
  await boss();
  const { rows } = await pgPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${JOBS_SCHEMA}.job WHERE name = 'spend.alert-webhook' AND data->>'alertId' = $1`, [alertId]);
  return rows[0]!.n;
}

/** A settled generation of `micros` by `userId` in the world's project, this month. */
async function spend(w: Awaited<ReturnType<typeof world>>, userId: string, micros: bigint) {
  const [row] = generationRows({ teamId: w.team.id, projectId: w.project.id, count: 1, status: "succeeded" });
  await db.generation.create({ data: { ...row!, createdById: userId } });
  await db.spendEntry.create({
    data: { id: createId("spend"), teamId: w.team.id, projectId: w.project.id, generationId: row!.id, userId, model: row!.model, provider: row!.provider, kind: "settlement", amountMicros: micros },
  });
}

async function world() {
  const [{ user: owner }, { user: admin }, { user: member }, { user: other }] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  const team = await createTeam({ ownerId: owner.id });
  await addMember({ teamId: team.id, userId: admin.id, role: "admin" });
  await addMember({ teamId: team.id, userId: member.id, role: "editor" });
  await addMember({ teamId: team.id, userId: other.id, role: "editor" });
  const project = await createProjectRow({ teamId: team.id });
  const access = (userId: string) => resolveTeamAccess({ caller: { kind: "user", userId }, teamId: team.id, permission: "project.read" });
  const alert = (data: { limitKind: string; threshold: number; limitId?: string; userId?: string; projectId?: string }) =>
    db.spendAlert.create({
      data: { id: createId("spendAlert"), teamId: team.id, limitId: createId("spendCap"), periodStart: new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1)), limitMicros: 100n, spentMicros: 80n, ...data },
    });
  return { owner, admin, member, other, team, project, access, alert };
}

describe("dispatching a spend alert", () => {
  it("notifies owners, admins and the capped member once and queues one webhook, however many dispatches race", async () => {
    const w = await world();
    await updateSpendAlertSettings({
      access: await resolveTeamAccess({ caller: { kind: "user", userId: w.owner.id }, teamId: w.team.id, permission: "budget.manage" }),
      input: {
        channels: { studio: { thresholds: [80, 100], limitKinds: [...KINDS] }, email: { thresholds: [], limitKinds: [] }, webhook: { thresholds: [80], limitKinds: [...KINDS] } },
        webhookUrl: "https://hooks.example.test/spend",
      },
    });
    const alert = await w.alert({ limitKind: "member_cap", threshold: 80, userId: w.member.id });
    await Promise.all(Array.from({ length: 4 }, () => dispatchSpendAlert({ alertId: alert.id })));

    const notes = await db.notification.findMany({ where: { teamId: w.team.id, kind: "spend.alert" } });
    expect(notes.map((n) => n.userId).sort()).toEqual([w.owner.id, w.admin.id, w.member.id].sort());
    expect(notes[0]!.title).toMatch(/^80% of .+'s monthly cap reached$/);
    expect(await webhookJobs(alert.id)).toBe(1);
    const row = await db.spendAlert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(row.dispatchedAt).not.toBeNull();
    // Email is not a chosen channel here: left unsent.
    expect(row.emailedAt).toBeNull();

    // A threshold no channel wants: marked dispatched, nobody told.
    const half = await w.alert({ limitKind: "team_limit", threshold: 50 });
    await dispatchSpendAlert({ alertId: half.id });
    expect(await db.notification.count({ where: { teamId: w.team.id } })).toBe(3);
    expect(await webhookJobs(half.id)).toBe(0);
  });

  it("banner: owners see every limit at 80 % or more; members their own caps and readable projects", async () => {
    const w = await world();
    // Real limits and real spend this month: the banner re-reads both (the member spent 80 of the team's 90).
    const memberCap = await db.spendCap.create({ data: { id: createId("spendCap"), teamId: w.team.id, scope: `member:${w.member.id}`, userId: w.member.id, hardLimitMicros: 100n } });
    const teamCap = await db.spendCap.create({ data: { id: createId("spendCap"), teamId: w.team.id, scope: "team", hardLimitMicros: 110n } });
    const budget = await db.budget.create({ data: { id: createId("budget"), projectId: w.project.id, period: "monthly", softLimitMicros: 90n, hardLimitMicros: 1000n } });
    await spend(w, w.member.id, 80n);
    await spend(w, w.owner.id, 10n);
    await w.alert({ limitKind: "member_cap", limitId: memberCap.id, threshold: 80, userId: w.member.id });
    await w.alert({ limitKind: "project_soft_limit", limitId: `${budget.id}:soft`, threshold: 100, projectId: w.project.id });
    await w.alert({ limitKind: "team_limit", limitId: teamCap.id, threshold: 80 });
    await w.alert({ limitKind: "team_limit", limitId: teamCap.id, threshold: 50 });
    const list = async (userId: string) => listActiveSpendAlerts({ access: await w.access(userId) });
    const kinds = async (userId: string) => (await list(userId)).map((a) => a.limitKind).sort();
    expect(await kinds(w.owner.id)).toEqual(["member_cap", "project_soft_limit", "team_limit"]);
    expect(await kinds(w.member.id)).toEqual(["member_cap", "project_soft_limit"]);
    expect(await kinds(w.other.id)).toEqual(["project_soft_limit"]);
    const own = (await list(w.member.id)).find((a) => a.limitKind === "member_cap")!;
    expect(own.title).toBe("80% of your monthly cap reached");

    // Raising a limit takes its warning away at once; one still reached shows today's figures, not the crossing's.
    await db.spendCap.update({ where: { id: memberCap.id }, data: { hardLimitMicros: 1_000_000n } });
    await db.budget.update({ where: { id: budget.id }, data: { softLimitMicros: 200n } });
    expect(await kinds(w.owner.id)).toEqual(["team_limit"]);
    await spend(w, w.owner.id, 1n);
    expect((await list(w.owner.id))[0]!.text).toMatch(/of the team's monthly limit/);
    // A removed limit warns no more.
    await db.spendCap.delete({ where: { id: teamCap.id } });
    expect(await kinds(w.owner.id)).toEqual([]);

    // Last month's alerts are not this month's banner.
    await db.spendCap.update({ where: { id: memberCap.id }, data: { hardLimitMicros: 100n } });
    expect(await kinds(w.member.id)).toEqual(["member_cap"]);
    await db.spendAlert.updateMany({ where: { teamId: w.team.id }, data: { periodStart: new Date(Date.UTC(2020, 0, 1)) } });
    expect(await kinds(w.member.id)).toEqual([]);
  });
});
