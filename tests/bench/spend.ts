import pg from "pg";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { createUser } from "@/prisma/factories/create-user";
import { addMember, createTeam } from "@/prisma/factories/create-team";
import type { BenchStack } from "./support/bench-stack";
import type { BenchLog, BenchResult } from "./support/result";
import { sampleRss, rssMb } from "./support/rss-sampler";
import { round, sig4, summarize } from "./support/stats";

// 7. Spend at scale (issue 13): one team with 1,000,000 ledger entries (BENCH_SPEND_ENTRIES) over 50 projects and 40
// members, spread evenly over the last 365 days (a generation = reservation + settlement + release, or reservation +
// release for the one in ten that failed), inserted with generate_series in SQL.
// - A team's month dashboard (GET /api/v1/teams/:id/spend for last calendar month, grouped by day and by project) over
//   loopback, p50 of RUNS after a warm-up; baseline: a hand-written SQL aggregate of the same figures (per-group and
//   total spent, settled, generations, images, failed, refunded; month to date and limits; approved assets; the price
//   check) through a plain pg client, same run.
// - The ledger CSV of every entry (a million rows) downloaded while the studio server's RSS is sampled from
//   /proc/<pid>/status: peak growth over the RSS before the request.

const ENTRIES = Number(process.env.BENCH_SPEND_ENTRIES ?? 1_000_000);
const PROJECTS = 50;
const MEMBERS = 40;
const RUNS = 7;

export async function benchSpend(stack: BenchStack, log: BenchLog): Promise<BenchResult> {
  const started = Date.now();
  const { user, password } = await createUser();
  const team = await createTeam({ ownerId: user.id, name: "Bench spend" });
  const members = [user.id];
  for (let i = 1; i < MEMBERS; i++) {
    const { user: m } = await createUser();
    await addMember({ teamId: team.id, userId: m.id, role: "editor" });
    members.push(m.id);
  }
  const seeded = await seedLedger(team.id, user.id, members, log);
  const { sessionToken } = await signInWithPassword({ email: user.email, password });
  const cookie = `authjs.session-token=${sessionToken}`;

  const now = new Date();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const range = `from=${day(monthStart)}&to=${day(new Date(monthEnd.getTime() - 86_400_000))}`;

  const client = new pg.Client({ connectionString: stack.env.DATABASE_URL });
  await client.connect();
  try {
    const inMonth = Number((await client.query(`SELECT COUNT(*)::text AS n FROM "SpendEntry" WHERE "teamId" = $1 AND "createdAt" >= $2 AND "createdAt" < $3`, [team.id, monthStart.toISOString(), monthEnd.toISOString()])).rows[0].n);
    log(`spend: ${inMonth.toLocaleString("en")} entries in ${day(monthStart)}…; timing the dashboard`);

    const api = async (groupBy: string) => {
      const times: number[] = [];
      let body: { totals: { spentMicros: number; generations: number; approvedAssets: number }; priceCheck: { count: number } } | undefined;
      for (let i = 0; i <= RUNS; i++) {
        const t = performance.now();
        const res = await fetch(`${stack.appUrl}/api/v1/teams/${team.id}/spend?${range}&groupBy=${groupBy}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`spend ${groupBy}: ${res.status} ${await res.text()}`);
        body = (await res.json()) as typeof body;
        if (i > 0) times.push(performance.now() - t);
      }
      return { ...summarize(times), body: body! };
    };
    const sql = async (groupBy: "day" | "project") => {
      const times: number[] = [];
      let totals: { spent: string; generations: number; approved: string; price_check: { total: string }[] | null } | undefined;
      for (let i = 0; i <= RUNS; i++) {
        const t = performance.now();
        const result = await client.query(handSql(groupBy), [team.id, monthStart.toISOString(), monthEnd.toISOString(), new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString()]);
        totals = result.rows.find((r: { key: string | null; grp: number }) => r.grp === 1);
        if (i > 0) times.push(performance.now() - t);
      }
      return { ...summarize(times), totals: totals! };
    };
    const byDay = await api("day");
    const sqlDay = await sql("day");
    const byProject = await api("project");
    const sqlProject = await sql("project");
    const handPrices = Number(sqlDay.totals.price_check?.[0]?.total ?? 0);
    if (byDay.body.totals.spentMicros !== Number(sqlDay.totals.spent) || byDay.body.totals.generations !== sqlDay.totals.generations ||
        byDay.body.totals.approvedAssets !== Number(sqlDay.totals.approved) || byDay.body.priceCheck.count !== handPrices) {
      throw new Error(`the dashboard and the hand-written SQL disagree: ${JSON.stringify({ ...byDay.body.totals, priceCheck: byDay.body.priceCheck.count })} vs ${JSON.stringify({ ...sqlDay.totals, price_check: handPrices })}`);
    }
    log(`spend: dashboard by day p50 ${round(byDay.p50)} ms (SQL ${round(sqlDay.p50)} ms), by project ${round(byProject.p50)} ms (SQL ${round(sqlProject.p50)} ms)`);

    // The CSV of the whole ledger, read as fast as the client can while the server's RSS is sampled.
    const pid = stack.next.process.pid!;
    const before = rssMb(pid);
    const sampler = sampleRss(pid);
    const t = performance.now();
    const res = await fetch(`${stack.appUrl}/api/v1/teams/${team.id}/spend/ledger.csv?from=${day(new Date(now.getTime() - 400 * 86_400_000))}&to=${day(now)}`, { headers: { cookie } });
    let bytes = 0;
    let lines = 0;
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
    }
    const csvSeconds = (performance.now() - t) / 1000;
    const rss = sampler.stop();
    const growth = rss.peakMb - before;
    log(`spend: CSV ${lines - 1} rows, ${round(bytes / 2 ** 20)} MB in ${round(csvSeconds)} s; server RSS ${round(before)} → peak ${round(rss.peakMb)} MB`);

    return {
      id: "spend",
      title: `7. Spend at scale (${seeded.entries.toLocaleString("en")} ledger entries, ${PROJECTS} projects, ${MEMBERS} members, production build)`,
      rows: [
        { metric: "team month dashboard by day, p50 over loopback", value: round(byDay.p50), unit: "ms", baseline: { label: "hand-written SQL aggregate", value: round(sqlDay.p50) }, ratio: sig4(byDay.p50 / sqlDay.p50), goal: "< 300 ms and ≤ 1.5× SQL", met: byDay.p50 < 300 && byDay.p50 <= 1.5 * sqlDay.p50 },
        { metric: "team month dashboard by project, p50 over loopback", value: round(byProject.p50), unit: "ms", baseline: { label: "hand-written SQL aggregate", value: round(sqlProject.p50) }, ratio: sig4(byProject.p50 / sqlProject.p50), goal: "< 300 ms and ≤ 1.5× SQL", met: byProject.p50 < 300 && byProject.p50 <= 1.5 * sqlProject.p50 },
        { metric: `ledger CSV of ${(lines - 1).toLocaleString("en")} rows: server RSS growth (peak − before)`, value: round(growth), unit: "MB", goal: "< 50 MB", met: growth < 50 && lines - 1 === seeded.entries },
        { metric: "ledger CSV download time", value: round(csvSeconds), unit: "s" },
      ],
      notes: [
        `${inMonth.toLocaleString("en")} ledger entries in the measured month (${day(monthStart)} to ${day(monthEnd)} exclusive); seeding took ${round(seeded.seconds)} s.`,
        `Dashboard times include the loopback HTTP round trip, the session check and JSON, so they bound the server time from above; the SQL baseline is one hand-written statement of every figure the answer carries (GROUPING SETS for groups + total, month to date and the team limit, approved assets, the price check through its partial index), through a plain pg client.`,
        `RSS sampled every 10 ms from /proc/${"<pid>"}/status of the studio server (scripts/server.ts); ${rss.samples} samples, kernel peak ${rss.kernelPeakMb === null ? "n/a" : `${round(rss.kernelPeakMb)} MB`}.`,
      ],
      details: { inMonth, byDay: { ...byDay, body: undefined }, sqlDay: { ...sqlDay, totals: undefined }, byProject: { ...byProject, body: undefined }, sqlProject: { ...sqlProject, totals: undefined }, csv: { rows: lines - 1, bytes, seconds: csvSeconds, beforeMb: before, ...rss } },
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}

// The same figures as lib/spend/spend-report.ts (spend-summary, month-to-date, approved-assets, price-check), written by
// hand in one statement: groups and total in one GROUPING SETS pass, this month's spend and the team's limits, the
// assets approved in the range, and the price check's count, summed difference and newest 50 differing generations
// (read, as by hand one would, through the partial index of differing costs). $1 team, $2/$3 range, $4 month start.
export function handSql(groupBy: "day" | "project") {
  const key = groupBy === "day" ? `to_char(date_trunc('day', e."createdAt"), 'YYYY-MM-DD')` : `e."projectId"`;
  const label = groupBy === "day" ? key : `MIN(p.name)`;
  const join = groupBy === "day" ? "" : `JOIN "Project" p ON p.id = e."projectId"`;
  return `
    WITH figures AS (
      SELECT ${key} AS key, ${label} AS label, GROUPING(${key}) AS grp,
             SUM(e."amountMicros")::text AS spent,
             SUM(e."amountMicros") FILTER (WHERE e.kind = 'settlement')::text AS settled,
             (COUNT(*) FILTER (WHERE e.kind = 'reservation'))::int AS generations,
             SUM(g."numImages") FILTER (WHERE e.kind = 'settlement') AS images,
             COUNT(*) FILTER (WHERE e.kind = 'release' AND g.status = 'failed') AS failed,
             COUNT(*) FILTER (WHERE e.kind = 'release' AND g.status <> 'succeeded') AS refunded,
             SUM(e."amountMicros") FILTER (WHERE e.kind = 'release' AND g.status <> 'succeeded') AS refunded_micros
        FROM "SpendEntry" e JOIN "Generation" g ON g.id = e."generationId" ${join}
       WHERE e."teamId" = $1 AND e."createdAt" >= $2::timestamp AND e."createdAt" < $3::timestamp
       GROUP BY GROUPING SETS ((${key}), ())),
    prices AS (
      SELECT g.id, g."projectId", pp.name, g.model, g.provider, g.resolution, g."listCostMicros", g."providerCostMicros", e."createdAt",
             COUNT(*) OVER () AS total, SUM(g."providerCostMicros" - g."listCostMicros") OVER () AS difference
        FROM "Generation" g JOIN "SpendEntry" e ON e."generationId" = g.id AND e.kind = 'settlement' JOIN "Project" pp ON pp.id = g."projectId"
       WHERE g."teamId" = $1 AND (g."providerCostMicros" - g."listCostMicros") <> 0 AND g."createdAt" < $3::timestamp + interval '1 day'
         AND e."createdAt" >= $2::timestamp AND e."createdAt" < $3::timestamp
       ORDER BY e."createdAt" DESC, g.id DESC LIMIT 50)
    SELECT f.*,
           (SELECT SUM("amountMicros") FROM "SpendEntry" WHERE "teamId" = $1 AND "createdAt" >= $4::timestamp)::text AS month_to_date,
           (SELECT row_to_json(c) FROM (SELECT "softLimitMicros", "hardLimitMicros" FROM "SpendCap" WHERE "teamId" = $1 AND scope = 'team') c) AS team_limit,
           (SELECT COUNT(*) FROM "Asset" a WHERE a."teamId" = $1 AND a."approvalStatus" = 'approved' AND a."deletedAt" IS NULL
               AND a."approvedAt" >= $2::timestamp AND a."approvedAt" < $3::timestamp) AS approved,
           (SELECT json_agg(pr) FROM prices pr) AS price_check
      FROM figures f`;
}

/** 1,000,000 entries (three per succeeded generation, two per failed one) in a few set-based statements. */
export async function seedLedger(teamId: string, ownerId: string, members: string[], log: BenchLog) {
  const t = performance.now();
  await db.$executeRawUnsafe(
    `INSERT INTO "Project" (id, "teamId", name, "createdById", "createdAt", "updatedAt")
     SELECT 'prj_bench' || i || '_' || $1, $1, 'Project ' || i, $2, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM generate_series(1, ${PROJECTS}) i`,
    teamId,
    ownerId,
  );
  // Nine in ten succeed (3 entries), one in ten fails (2 entries): 2.9 entries per generation on average.
  const generations = Math.ceil(ENTRIES / 2.9);
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS bench_spend_members`);
  await db.$executeRawUnsafe(`CREATE UNLOGGED TABLE bench_spend_members (n int PRIMARY KEY, id text)`);
  await db.$executeRawUnsafe(`INSERT INTO bench_spend_members SELECT ordinality - 1, id FROM unnest($1::text[]) WITH ORDINALITY AS u(id)`, members);
  await db.$executeRawUnsafe(
    `INSERT INTO "Generation" (id, "teamId", "projectId", "createdById", model, provider, mode, parameters, prompt, "aspectRatio", resolution,
                               "numImages", status, "correlationId", "estimatedCostMicros", "actualCostMicros", "listCostMicros", "providerCostMicros",
                               "queuedAt", "createdAt", "updatedAt")
     SELECT 'gen_bench_' || i, $1, 'prj_bench' || (i % ${PROJECTS} + 1) || '_' || $1, m.id,
            CASE WHEN i % 3 = 0 THEN 'kling-v3-omni' ELSE 'kling-v3' END,
            (ARRAY['kling','wavespeed','runware','segmind','fal'])[i % 5 + 1]::"Provider", 'text_to_image',
            '{"prompt":"bench","aspect_ratio":"1:1","resolution":"1k","num_images":1}'::jsonb, 'bench', '1:1', '1k',
            1 + i % 4, CASE WHEN i % 10 = 0 THEN 'failed' ELSE 'succeeded' END::"GenerationStatus", 'gen_bench_' || i,
            28000 * (1 + i % 4), CASE WHEN i % 10 = 0 THEN NULL ELSE 28000 * (1 + i % 4) END,
            CASE WHEN i % 10 = 0 THEN NULL ELSE 28000 * (1 + i % 4) END,
            CASE WHEN i % 10 = 0 OR i % 5 IN (1, 4) THEN NULL WHEN i % 997 = 0 THEN 30000 * (1 + i % 4) ELSE 28000 * (1 + i % 4) END,
            ts, ts, ts
       FROM generate_series(1, $2::int) i
       JOIN bench_spend_members m ON m.n = i % ${MEMBERS}
       CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE 'UTC') - (i::float8 / $2 * 365) * interval '1 day' AS ts) t`,
    teamId,
    generations,
  );
  log(`spend: ${generations.toLocaleString("en")} generations inserted in ${round((performance.now() - t) / 1000)} s`);
  await db.$executeRawUnsafe(
    `INSERT INTO "SpendEntry" (id, "teamId", "projectId", "generationId", "userId", model, provider, kind, "amountMicros", "createdAt")
     SELECT 'spe_' || g.id || '_' || k.kind, g."teamId", g."projectId", g.id, g."createdById", g.model, g.provider, k.kind::"SpendKind",
            CASE k.kind WHEN 'reservation' THEN g."estimatedCostMicros" WHEN 'settlement' THEN g."actualCostMicros" ELSE -g."estimatedCostMicros" END,
            g."createdAt" + CASE k.kind WHEN 'reservation' THEN interval '0' ELSE interval '40 seconds' END
       FROM "Generation" g
       CROSS JOIN (VALUES ('reservation'), ('settlement'), ('release')) k(kind)
      WHERE g."teamId" = $1 AND (k.kind <> 'settlement' OR g.status = 'succeeded')`,
    teamId,
  );
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS bench_spend_members`);
  await db.$executeRawUnsafe(`ANALYZE "Generation"`);
  await db.$executeRawUnsafe(`ANALYZE "SpendEntry"`);
  const entries = await db.spendEntry.count({ where: { teamId } });
  const seconds = (performance.now() - t) / 1000;
  log(`spend: ${entries.toLocaleString("en")} ledger entries seeded in ${round(seconds)} s`);
  return { entries, seconds };
}
