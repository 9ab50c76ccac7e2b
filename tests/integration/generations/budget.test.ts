import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { signedInUser } from "@/tests/helpers/signed-in-user";
import { addMember, createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { sim, waitForSettled } from "@/tests/helpers/pipeline";

describe("budgets", () => {
  it("accepts exactly the submits that fit under the hard limit when 30 race", { timeout: 180_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const members = await Promise.all([signedInUser(), signedInUser(), signedInUser()]);
    const team = await createTeam({ ownerId: members[0]!.user.id });
    for (const m of members.slice(1)) await addMember({ teamId: team.id, userId: m.user.id, role: "editor" });
    const project = await createProjectRow({ teamId: team.id, name: "Capped" });
    const hardLimit = 10n * 28_000n;
    await db.budget.create({ data: { id: createId("budget"), projectId: project.id, period: "monthly", hardLimitMicros: hardLimit, softLimitMicros: 5n * 28_000n } });

    const body = JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: "kling", parameters: { prompt: "One of thirty", num_images: 1 } });
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => members[i % 3]!.api(`/api/v1/projects/${project.id}/generations`, { method: "POST", body })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(10);
    expect(statuses.filter((s) => s === 402)).toHaveLength(20);
    const refused = await responses.find((r) => r.status === 402)!.json();
    expect(refused).toMatchObject({ error: { code: "payment_required", details: { remainingMicros: 0, estimateMicros: 28_000 } } });

    const reserved = await db.spendEntry.aggregate({ where: { projectId: project.id, kind: "reservation" }, _sum: { amountMicros: true } });
    expect(reserved._sum.amountMicros).toBe(hardLimit);
    expect(await db.budgetAlert.count({ where: { budget: { projectId: project.id }, kind: "soft" } })).toBe(1);

    const ids = (await db.generation.findMany({ where: { projectId: project.id }, select: { id: true } })).map((g) => g.id);
    expect(ids).toHaveLength(10);
    await waitForSettled(ids);
    const spent = await db.spendEntry.aggregate({ where: { projectId: project.id }, _sum: { amountMicros: true } });
    expect(spent._sum.amountMicros).toBe(hardLimit);
  });
});
