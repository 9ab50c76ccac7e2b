import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { signedInUser } from "@/tests/helpers/signed-in-user";
import { addMember, createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { sim, waitForSettled } from "@/tests/helpers/pipeline";

// kling-v3 on kling, one image, 1k: the estimate each submit reserves.
const PRICE = 28_000n;
const body = JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: "kling", parameters: { prompt: "One of thirty", num_images: 1 } });

describe("team limit and member caps", () => {
  it("accepts exactly 5 of 30 racing submits by a member whose cap fits 5, in a project whose budget fits 20", { timeout: 180_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const owner = await signedInUser();
    const member = await signedInUser();
    const team = await createTeam({ ownerId: owner.user.id });
    await addMember({ teamId: team.id, userId: member.user.id, role: "editor" });
    const project = await createProjectRow({ teamId: team.id, name: "Capped member" });
    await db.budget.create({ data: { id: createId("budget"), projectId: project.id, period: "monthly", hardLimitMicros: 20n * PRICE } });
    // Set through the API as an admin would.
    const set = await owner.api(`/api/v1/teams/${team.id}/spend-caps`, {
      method: "PUT",
      body: JSON.stringify({ userId: member.user.id, hardLimitMicros: Number(5n * PRICE) }),
    });
    expect(set.status).toBe(200);

    // Half of them in a second project without a budget: only the cap (and its team lock) stands between them.
    const other = await createProjectRow({ teamId: team.id, name: "Unbudgeted" });
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => member.api(`/api/v1/projects/${(i % 2 ? other : project).id}/generations`, { method: "POST", body })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(5);
    expect(statuses.filter((s) => s === 402)).toHaveLength(25);
    const refused = await responses.find((r) => r.status === 402)!.json();
    expect(refused).toMatchObject({
      error: { code: "payment_required", details: { limit: "member_cap", limitMicros: Number(5n * PRICE), remainingMicros: 0, estimateMicros: Number(PRICE) } },
    });
    expect(refused.error.message).toContain("your monthly cap");

    const ids = (await db.generation.findMany({ where: { projectId: { in: [project.id, other.id] } }, select: { id: true } })).map((g) => g.id);
    expect(ids).toHaveLength(5);
    await waitForSettled(ids);
    const spent = await db.spendEntry.aggregate({ where: { teamId: team.id, userId: member.user.id }, _sum: { amountMicros: true } });
    expect(spent._sum.amountMicros! <= 5n * PRICE).toBe(true);
  });

  it("accepts exactly as many as the team's monthly limit fits when it is the tightest, across projects and members", { timeout: 180_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const members = await Promise.all([signedInUser(), signedInUser(), signedInUser()]);
    const team = await createTeam({ ownerId: members[0]!.user.id });
    for (const m of members.slice(1)) await addMember({ teamId: team.id, userId: m.user.id, role: "editor" });
    const projects = await Promise.all([createProjectRow({ teamId: team.id, name: "A" }), createProjectRow({ teamId: team.id, name: "B" })]);
    await db.budget.create({ data: { id: createId("budget"), projectId: projects[0]!.id, period: "monthly", hardLimitMicros: 20n * PRICE } });
    const set = await members[0]!.api(`/api/v1/teams/${team.id}/spend-caps`, { method: "PUT", body: JSON.stringify({ hardLimitMicros: Number(7n * PRICE) }) });
    expect(set.status).toBe(200);

    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        members[i % 3]!.api(`/api/v1/projects/${projects[i % 2]!.id}/generations`, { method: "POST", body }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(7);
    expect(statuses.filter((s) => s === 402)).toHaveLength(23);
    const refused = await responses.find((r) => r.status === 402)!.json();
    expect(refused).toMatchObject({ error: { code: "payment_required", details: { limit: "team_limit", remainingMicros: 0, estimateMicros: Number(PRICE) } } });

    const reserved = await db.spendEntry.aggregate({ where: { teamId: team.id, kind: "reservation" }, _sum: { amountMicros: true } });
    expect(reserved._sum.amountMicros).toBe(7n * PRICE);
    const caps = await members[0]!.api(`/api/v1/teams/${team.id}/spend-caps`);
    expect(await caps.json()).toMatchObject({ data: [{ userId: null, hardLimitMicros: Number(7n * PRICE), spentMicros: Number(7n * PRICE) }] });

    // Settled, no ledger is above any limit: the team's, the budgeted project's, and nobody's share beyond the team's.
    const ids = (await db.generation.findMany({ where: { teamId: team.id }, select: { id: true } })).map((g) => g.id);
    expect(ids).toHaveLength(7);
    await waitForSettled(ids);
    const sum = async (where: { teamId: string; projectId?: string }) => (await db.spendEntry.aggregate({ where, _sum: { amountMicros: true } }))._sum.amountMicros ?? 0n;
    expect(await sum({ teamId: team.id })).toBeLessThanOrEqual(7n * PRICE);
    expect(await sum({ teamId: team.id, projectId: projects[0]!.id })).toBeLessThanOrEqual(20n * PRICE);
  });
});
