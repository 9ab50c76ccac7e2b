import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closePgPool, pgPool } from "@/lib/db-pool";
import { createId } from "@/lib/ids";
import { boss, JOBS_SCHEMA, stopBoss } from "@/lib/jobs/boss";
import { createGeneration } from "@/lib/generations/create-generation";
import { createGenerationInput } from "@/lib/generations/generation-schemas";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { accessFor } from "@/tests/helpers/team-access";

// createGeneration writes through the plain pool (lib/generations/record-queued-generation.ts): the row, its
// reservation, its "queued" event and its submit job in one transaction. These check that what it returns is what
// the database holds, that the four land together or not at all, and that Idempotency-Key replays.

afterAll(() => stopBoss({ graceful: false, timeoutMs: 5_000 }));

const input = createGenerationInput.parse({ mode: "text-to-image", model: "kling-v3", provider: "kling", parameters: { prompt: "A red kite", num_images: 2 } });

async function project() {
  const { user } = await createUser();
  const team = await createTeam({ ownerId: user.id });
  const row = await createProjectRow({ teamId: team.id, createdById: user.id });
  return { user, team, project: row, access: await accessFor(user.id, team.id) };
}

async function submitJobsFor(generationIds: string[]) {
  await boss(); // its schema exists once it has started
  const { rows } = await pgPool().query<{ id: string }>(`SELECT id FROM ${JOBS_SCHEMA}.job WHERE name = 'generation.submit' AND data->>'generationId' = ANY($1::text[])`, [generationIds]);
  return rows.length;
}

/** Submit jobs whose generation does not exist: what a job enqueued outside the row's transaction would leave. */
async function orphanSubmitJobs() {
  await boss();
  const { rows } = await pgPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${JOBS_SCHEMA}.job j WHERE j.name = 'generation.submit' AND NOT EXISTS (SELECT 1 FROM "Generation" g WHERE g.id = j.data->>'generationId')`,
  );
  return rows[0]!.n;
}

describe("createGeneration", () => {
  it("returns exactly the row it stored, with its reservation and its submit job", async () => {
    const { project: p, access } = await project();
    const { generation, replayed } = await createGeneration({ access, projectId: p.id, input, idempotencyKey: null });
    expect(replayed).toBe(false);
    expect(await db.generation.findUniqueOrThrow({ where: { id: generation.id } })).toEqual(generation);
    const ledger = await db.spendEntry.findMany({ where: { generationId: generation.id } });
    expect(ledger.map((e) => [e.kind, e.amountMicros])).toEqual([["reservation", generation.estimatedCostMicros]]);
    expect(generation.estimatedCostMicros).toBe(56_000n);
    expect(await submitJobsFor([generation.id])).toBe(1);
  });

  it("dates the reservation in UTC like the generation, whatever the server's TimeZone (the month it counts in)", async () => {
    const { project: p, access } = await project();
    // A server whose default TimeZone is +14 h: a column default would date the ledger entry in local time.
    const { name } = (await db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`)[0]!;
    await db.$executeRawUnsafe(`ALTER DATABASE "${name}" SET "TimeZone" = 'Pacific/Kiritimati'`);
    await closePgPool(); // new connections take the setting
    try {
      const { generation } = await createGeneration({ access, projectId: p.id, input, idempotencyKey: null });
      const [entry] = await db.spendEntry.findMany({ where: { generationId: generation.id } });
      expect(entry!.createdAt).toEqual(generation.createdAt);
      expect(Math.abs(entry!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      await db.$executeRawUnsafe(`ALTER DATABASE "${name}" RESET "TimeZone"`);
      await closePgPool();
    }
  });

  it("writes nothing — no row, no reservation, no job — when the budget refuses", async () => {
    const { project: p, access } = await project();
    await db.budget.create({ data: { id: createId("budget"), projectId: p.id, period: "monthly", hardLimitMicros: 10_000n } });
    await expect(createGeneration({ access, projectId: p.id, input, idempotencyKey: null })).rejects.toMatchObject({ code: "payment_required" });
    expect(await db.generation.count({ where: { projectId: p.id } })).toBe(0);
    expect(await db.spendEntry.count({ where: { projectId: p.id } })).toBe(0);
    expect(await orphanSubmitJobs()).toBe(0);
  });

  it("answers a repeated Idempotency-Key with the first generation, also when the repeats race", async () => {
    const { project: p, access } = await project();
    const first = await createGeneration({ access, projectId: p.id, input, idempotencyKey: "retry-1" });
    const again = await createGeneration({ access, projectId: p.id, input, idempotencyKey: "retry-1" });
    expect(again).toMatchObject({ replayed: true, generation: { id: first.generation.id } });

    const racing = await Promise.all(Array.from({ length: 8 }, () => createGeneration({ access, projectId: p.id, input, idempotencyKey: "race-1" })));
    const ids = new Set(racing.map((r) => r.generation.id));
    expect(ids.size).toBe(1);
    expect(racing.filter((r) => !r.replayed)).toHaveLength(1);

    const rows = await db.generation.findMany({ where: { projectId: p.id }, select: { id: true } });
    expect(rows).toHaveLength(2);
    expect(await db.spendEntry.count({ where: { projectId: p.id } })).toBe(2);
    expect(await submitJobsFor(rows.map((r) => r.id))).toBe(2);
  });

  it("still answers a replay when the caller is over its rate limit", async () => {
    const { project: p, access } = await project();
    const first = await createGeneration({ access, projectId: p.id, input, idempotencyKey: "limited" });
    const refused = Promise.reject(Object.assign(new Error("Too many"), { code: "rate_limited" }));
    await expect(createGeneration({ access, projectId: p.id, input, idempotencyKey: "limited", admit: refused })).resolves.toMatchObject({
      replayed: true,
      generation: { id: first.generation.id },
    });
    await expect(createGeneration({ access, projectId: p.id, input, idempotencyKey: "new", admit: Promise.reject(Object.assign(new Error("Too many"), { code: "rate_limited" })) })).rejects.toMatchObject({
      code: "rate_limited",
    });
    expect(await db.generation.count({ where: { projectId: p.id } })).toBe(1);
  });
});

describe("the plain pool's timestamps", () => {
  it("reads Prisma's UTC timestamps as UTC whatever the process's time zone", async () => {
    const { project: p, user } = await project();
    const before = process.env.TZ;
    process.env.TZ = "Asia/Tokyo"; // pg's stock parser would read "timestamp without time zone" as Tokyo time
    try {
      const { project: read } = await getProjectOrThrow({ caller: { kind: "user", userId: user.id }, projectId: p.id, permission: "project.read" });
      expect(read).toEqual(p);
    } finally {
      process.env.TZ = before;
    }
  });
});
