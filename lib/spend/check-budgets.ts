import type pg from "pg";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import type { BudgetPeriod } from "@/lib/generated/prisma/enums";
import { periodStart } from "@/lib/spend/period";
import { formatUsd } from "@/lib/spend/format-usd";
import { enqueueMany } from "@/lib/jobs/enqueue";
import { sendSpendAlertJob } from "@/lib/jobs/contracts/send-spend-alert";

// Raw SQL on the submit transaction's connection (lib/db-pool.ts): the submit path's writes are one plain
// transaction, which also carries the generation's row and its submit job (lib/generations/record-queued-generation.ts).
const LOCK = { name: "spend-lock", text: "SELECT pg_advisory_xact_lock(hashtext($1))" };
const BUDGETS = {
  name: "spend-budgets",
  text: `SELECT id, period::text AS period, "softLimitMicros"::text AS soft, "hardLimitMicros"::text AS hard FROM "Budget" WHERE "projectId" = $1`,
};
const SPENT_SINCE = {
  name: "spend-since",
  text: `SELECT COALESCE(SUM("amountMicros"), 0)::text AS spent FROM "SpendEntry" WHERE "projectId" = $1 AND "createdAt" >= $2::timestamp`,
};
const SOFT_ALERT = {
  name: "spend-soft-alert",
  // createdAt as UTC wall time like every timestamp column (the default would be the server's local time).
  text: `INSERT INTO "BudgetAlert" (id, "budgetId", "periodStart", kind, "spentMicros", "createdAt")
         VALUES ($1, $2, $3::timestamp, 'soft', $4::bigint, now() AT TIME ZONE 'UTC')
         ON CONFLICT ("budgetId", "periodStart", kind) DO NOTHING`,
};
// The caps that bind this submit: the team's own, the member's across the team, the member's in this project.
const CAPS = {
  name: "spend-caps",
  text: `SELECT id, scope, "userId", "projectId", "softLimitMicros"::text AS soft, "hardLimitMicros"::text AS hard FROM "SpendCap"
          WHERE "teamId" = $1 AND (scope = 'team' OR ("userId" = $2 AND ("projectId" IS NULL OR "projectId" = $3)))`,
};
// One statement per shape rather than one with optional filters, so each keeps a plan on its own index.
const TEAM_SPENT = {
  name: "spend-team-since",
  text: `SELECT COALESCE(SUM("amountMicros"), 0)::text AS spent FROM "SpendEntry" WHERE "teamId" = $1 AND "createdAt" >= $2::timestamp`,
};
const MEMBER_SPENT = {
  name: "spend-member-since",
  text: `SELECT COALESCE(SUM("amountMicros"), 0)::text AS spent FROM "SpendEntry"
          WHERE "userId" = $2 AND "createdAt" >= $3::timestamp AND "teamId" = $1`,
};
const MEMBER_PROJECT_SPENT = {
  name: "spend-member-project-since",
  text: `SELECT COALESCE(SUM("amountMicros"), 0)::text AS spent FROM "SpendEntry"
          WHERE "userId" = $2 AND "createdAt" >= $3::timestamp AND "projectId" = $1`,
};

// Inserted only when missing; RETURNING says whether this submit is the one that made it (and so queues its email).
const ALERT = {
  name: "spend-threshold-alert",
  text: `INSERT INTO "SpendAlert" (id, "teamId", "limitKind", "limitId", "projectId", "userId", "periodStart", threshold, "limitMicros", "spentMicros", "createdAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7::timestamp, $8, $9::bigint, $10::bigint, now() AT TIME ZONE 'UTC')
         ON CONFLICT ("limitId", "periodStart", threshold) DO NOTHING RETURNING id`,
};
/** Shares of a limit at which owners and admins are told, once per period each. */
export const ALERT_THRESHOLDS = [50, 80, 100] as const;

type Binding = { kind: AlertLimitKind; id: string; projectId: string | null; userId: string | null; limit: bigint; before: bigint; periodStart: Date };

type BudgetRow = { id: string; period: BudgetPeriod; soft: string | null; hard: string | null };
type CapRow = { id: string; scope: string; userId: string | null; projectId: string | null; soft: string | null; hard: string };

/** Which limit refused a submit, as the API's error details and the studio's message name it. */
export type LimitKind = "project_budget" | "team_limit" | "member_cap" | "member_project_cap";
/** What a SpendAlert is about: a limit that refuses, or a soft limit (alerts only; its limitId ends in ":soft"). */
export type AlertLimitKind = LimitKind | "project_soft_limit" | "team_soft_limit";

/**
 * Checks a generation's estimate against every limit that binds it — the project's budgets and, when the team has any
 * caps, the team's monthly limit and the member's caps — inside the caller's transaction, before its reservation is
 * written there. Transaction advisory locks serialise concurrent submits (the team's first, when it has caps, then the
 * project's: always in that order, so two submits never wait on each other crosswise), so two requests can never both
 * fit into the last dollar of any limit. Over a limit → 402 naming the limit, what remains and what this would cost;
 * crossing a soft limit records one alert per period.
 */
export async function checkBudgets(options: {
  client: pg.ClientBase;
  teamId: string;
  projectId: string;
  userId: string | null;
  estimateMicros: bigint;
  budgeted: boolean;
  capped: boolean;
  /** The clock, for periods (a test moves it to the next month). */
  now?: Date;
}) {
  const { client, teamId, projectId, userId, estimateMicros } = options;
  const now = options.now ?? new Date();
  if (options.capped) await client.query({ ...LOCK, values: [teamSpendLockKey(teamId)] });
  if (options.budgeted) await client.query({ ...LOCK, values: [spendLockKey(projectId)] });
  const bindings: Binding[] = options.capped ? await checkCaps({ client, teamId, projectId, userId, estimateMicros, now }) : [];
  if (options.budgeted) {
    const { rows: budgets } = await client.query<BudgetRow>({ ...BUDGETS, values: [projectId] });
    for (const budget of budgets) {
      bindings.push(...(await checkBudget({ client, projectId, budget, estimateMicros, now })));
    }
  }
  // Every limit passed: this submit will be recorded, so the thresholds its reservation reaches are alerted now.
  await recordThresholdAlerts({ client, teamId, bindings, estimateMicros });
}

async function checkBudget(o: { client: pg.ClientBase; projectId: string; budget: BudgetRow; estimateMicros: bigint; now: Date }): Promise<Binding[]> {
  const { client, projectId, budget, estimateMicros } = o;
  const start = periodStart(budget.period, o.now);
  const { rows } = await client.query<{ spent: string }>({ ...SPENT_SINCE, values: [projectId, start.toISOString()] });
  const before = BigInt(rows[0]!.spent);
  const after = before + estimateMicros;
  const hard = budget.hard === null ? null : BigInt(budget.hard);
  const soft = budget.soft === null ? null : BigInt(budget.soft);
  if (hard !== null && after > hard) {
    throw overLimit({ limit: "project_budget", label: `the project's ${budget.period} budget`, hard, before, estimateMicros, period: budget.period });
  }
  if (soft !== null && before < soft && after >= soft) {
    await client.query({ ...SOFT_ALERT, values: [createId("budgetAlert"), budget.id, start.toISOString(), after.toString()] });
  }
  // Shares of each limit: the hard one (or the soft one when that is the only limit), and the soft one beside a hard.
  const limit = hard ?? soft;
  const bindings: Binding[] = [];
  if (limit !== null) bindings.push({ kind: "project_budget", id: budget.id, projectId, userId: null, limit, before, periodStart: start });
  if (hard !== null && soft !== null) {
    bindings.push({ kind: "project_soft_limit", id: `${budget.id}:soft`, projectId, userId: null, limit: soft, before, periodStart: start });
  }
  return bindings;
}

async function recordThresholdAlerts(o: { client: pg.ClientBase; teamId: string; bindings: Binding[]; estimateMicros: bigint }) {
  const alertIds: string[] = [];
  for (const b of o.bindings) {
    const after = b.before + o.estimateMicros;
    for (const threshold of ALERT_THRESHOLDS) {
      // Reached by this submit: below the mark before it, at or past it after (a limit of 0 has no shares).
      const mark = (b.limit * BigInt(threshold) + 99n) / 100n;
      if (b.limit === 0n || b.before >= mark || after < mark) continue;
      const { rows } = await o.client.query<{ id: string }>({
        ...ALERT,
        values: [createId("spendAlert"), o.teamId, b.kind, b.id, b.projectId, b.userId, b.periodStart.toISOString(), threshold, b.limit.toString(), after.toString()],
      });
      if (rows[0]) alertIds.push(rows[0].id);
    }
  }
  if (alertIds.length > 0) {
    await enqueueMany(sendSpendAlertJob, alertIds.map((alertId) => ({ payload: { alertId }, singletonKey: alertId })), { executor: o.client });
  }
}

async function checkCaps(options: { client: pg.ClientBase; teamId: string; projectId: string; userId: string | null; estimateMicros: bigint; now: Date }) {
  const { client, teamId, projectId, userId, estimateMicros } = options;
  const { rows: caps } = await client.query<CapRow>({ ...CAPS, values: [teamId, userId, projectId] });
  const periodStartDate = periodStart("monthly", options.now);
  const start = periodStartDate.toISOString();
  const bindings: Binding[] = [];
  // The tightest first would be nicer to report, but any refusal is correct: check in a fixed order.
  for (const cap of caps.sort((a, b) => capOrder(a) - capOrder(b))) {
    const query =
      cap.scope === "team"
        ? { ...TEAM_SPENT, values: [teamId, start] }
        : cap.projectId
          ? { ...MEMBER_PROJECT_SPENT, values: [projectId, userId, start] }
          : { ...MEMBER_SPENT, values: [teamId, userId, start] };
    const { rows } = await client.query<{ spent: string }>(query);
    const before = BigInt(rows[0]!.spent);
    const hard = BigInt(cap.hard);
    if (before + estimateMicros > hard) {
      const [limit, label] =
        cap.scope === "team"
          ? (["team_limit", "the team's monthly limit"] as const)
          : cap.projectId
            ? (["member_project_cap", "your monthly cap in this project"] as const)
            : (["member_cap", "your monthly cap"] as const);
      throw overLimit({ limit, label, hard, before, estimateMicros, period: "monthly" });
    }
    const kind: LimitKind = cap.scope === "team" ? "team_limit" : cap.projectId ? "member_project_cap" : "member_cap";
    bindings.push({ kind, id: cap.id, projectId: cap.projectId, userId: cap.userId, limit: hard, before, periodStart: periodStartDate });
    if (cap.scope === "team" && cap.soft !== null) {
      bindings.push({ kind: "team_soft_limit", id: `${cap.id}:soft`, projectId: null, userId: null, limit: BigInt(cap.soft), before, periodStart: periodStartDate });
    }
  }
  return bindings;
}

function capOrder(cap: CapRow) {
  return cap.scope === "team" ? 0 : cap.projectId ? 2 : 1;
}

function overLimit(o: { limit: LimitKind; label: string; hard: bigint; before: bigint; estimateMicros: bigint; period: BudgetPeriod }) {
  const remaining = o.hard - o.before > 0n ? o.hard - o.before : 0n;
  return new AppError(
    "payment_required",
    `This would cost about ${formatUsd(o.estimateMicros)}, but only ${formatUsd(remaining)} of ${o.label} (${formatUsd(o.hard)}) is left.`,
    {
      details: {
        limit: o.limit,
        limitMicros: Number(o.hard),
        remainingMicros: Number(remaining),
        estimateMicros: Number(o.estimateMicros),
        period: o.period,
      },
    },
  );
}

/** The advisory lock that serialises a project's reservations against each other and against budget changes. */
export function spendLockKey(projectId: string) {
  return `spend:${projectId}`;
}

/** The lock that serialises a capped team's reservations against each other and against cap changes. */
export function teamSpendLockKey(teamId: string) {
  return `spend-team:${teamId}`;
}
