import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import type { GenerationStatus, Provider } from "@/lib/generated/prisma/enums";
import { createUser } from "@/prisma/factories/create-user";
import { addMember, createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { generationRows } from "@/prisma/factories/generation-rows";

const at = (day: string) => new Date(`${day}T12:00:00.000Z`);

/**
 * A small ledger written by hand, in March 2025, whose sums the tests state literally (computed on paper):
 *
 * | gen | project | member | model    | provider | status    | imgs | entries (day)                          | net    |
 * |-----|---------|--------|----------|----------|-----------|------|----------------------------------------|--------|
 * | g1  | P1      | A      | kling-v3 | kling    | succeeded | 2    | +56000 res, +50000 set, −56000 rel (2) | 50000  |
 * | g2  | P1      | B      | kling-o3 | fal      | failed    | 1    | +30000 res, −30000 rel (3)             | 0      |
 * | g3  | P2      | A      | kling-v3 | fal      | succeeded | 1    | +28000 res, +28000 set, −28000 rel (3) | 28000  |
 * | g4  | P2      | B      | kling-v3 | kling    | queued    | 1    | +28000 res (4)                         | 28000  |
 * | g5  | P1      | A      | kling-o3 | kling    | cancelled | 1    | +10000 res, −10000 rel (4)             | 0      |
 * | g6  | P1      | A      | kling-v3 | kling    | succeeded | 1    | all on 28 Feb: outside the range       | 1000   |
 *
 * g1 used element E1; g3 used E1 and E2. Two assets were approved in March, one in February, one is approved but
 * trashed. Another team has spend in the same days, which must never show.
 */
export async function handLedger() {
  const [{ user: a }, { user: b }] = await Promise.all([createUser({ name: "Ada" }), createUser({ name: "Bo" })]);
  const team = await createTeam({ ownerId: a.id });
  await addMember({ teamId: team.id, userId: b.id, role: "editor" });
  const p1 = await createProjectRow({ teamId: team.id, name: "P1" });
  const p2 = await createProjectRow({ teamId: team.id, name: "P2" });

  type Spec = { project: string; user: string; model: string; provider: Provider; status: GenerationStatus; images: number; entries: [string, bigint, string][] };
  const specs: Spec[] = [
    { project: p1.id, user: a.id, model: "kling-v3", provider: "kling", status: "succeeded", images: 2, entries: [["reservation", 56000n, "2025-03-02"], ["settlement", 50000n, "2025-03-02"], ["release", -56000n, "2025-03-02"]] },
    { project: p1.id, user: b.id, model: "kling-o3", provider: "fal", status: "failed", images: 1, entries: [["reservation", 30000n, "2025-03-03"], ["release", -30000n, "2025-03-03"]] },
    { project: p2.id, user: a.id, model: "kling-v3", provider: "fal", status: "succeeded", images: 1, entries: [["reservation", 28000n, "2025-03-03"], ["settlement", 28000n, "2025-03-03"], ["release", -28000n, "2025-03-03"]] },
    { project: p2.id, user: b.id, model: "kling-v3", provider: "kling", status: "queued", images: 1, entries: [["reservation", 28000n, "2025-03-04"]] },
    { project: p1.id, user: a.id, model: "kling-o3", provider: "kling", status: "cancelled", images: 1, entries: [["reservation", 10000n, "2025-03-04"], ["release", -10000n, "2025-03-04"]] },
    { project: p1.id, user: a.id, model: "kling-v3", provider: "kling", status: "succeeded", images: 1, entries: [["reservation", 1000n, "2025-02-28"], ["settlement", 1000n, "2025-02-28"], ["release", -1000n, "2025-02-28"]] },
  ];
  const ids: string[] = [];
  for (const s of specs) {
    const [row] = generationRows({ teamId: team.id, projectId: s.project, count: 1, provider: s.provider, status: s.status, numImages: s.images });
    await db.generation.create({ data: { ...row!, model: s.model, createdById: s.user, createdAt: at(s.entries[0]![2]) } });
    ids.push(row!.id);
    await db.spendEntry.createMany({
      data: s.entries.map(([kind, amount, day]) => ({
        id: createId("spend"), teamId: team.id, projectId: s.project, generationId: row!.id, userId: s.user, model: s.model, provider: s.provider,
        kind: kind as "reservation", amountMicros: amount, createdAt: at(day),
      })),
    });
  }
  const e1 = await element(team.id, "Hero mascot");
  const e2 = await element(team.id, "Brand palette");
  await db.generationElement.createMany({
    data: [
      { generationId: ids[0]!, elementVersionId: e1, position: 0 },
      { generationId: ids[2]!, elementVersionId: e1, position: 0 },
      { generationId: ids[2]!, elementVersionId: e2, position: 1 },
    ],
  });
  await asset(team.id, p1.id, "approved", at("2025-03-05"));
  await asset(team.id, p2.id, "approved", at("2025-03-06"));
  await asset(team.id, p1.id, "approved", at("2025-02-20"));
  await asset(team.id, p1.id, "approved", at("2025-03-07"), new Date());
  await asset(team.id, p1.id, "pending", null);

  // Someone else's spend on the same days.
  const { user: other } = await createUser();
  const otherTeam = await createTeam({ ownerId: other.id });
  const otherProject = await createProjectRow({ teamId: otherTeam.id, name: "Other" });
  const [og] = generationRows({ teamId: otherTeam.id, projectId: otherProject.id, count: 1, status: "queued" });
  await db.generation.create({ data: og! });
  await db.spendEntry.create({
    data: { id: createId("spend"), teamId: otherTeam.id, projectId: otherProject.id, generationId: og!.id, userId: other.id, model: "kling-v3", provider: "wavespeed", kind: "reservation", amountMicros: 999_000n, createdAt: at("2025-03-03") },
  });
  return { team, p1, p2, a, b, e1, e2, generationIds: ids };
}

async function element(teamId: string, name: string) {
  const el = await db.element.create({ data: { id: createId("element"), teamId, name, kind: "character" } });
  const v = await db.elementVersion.create({ data: { id: createId("elementVersion"), elementId: el.id, version: 1, frontalImageKey: `k/${el.id}` } });
  return v.id;
}

async function asset(teamId: string, projectId: string, status: "approved" | "pending", approvedAt: Date | null, deletedAt: Date | null = null) {
  const id = createId("asset");
  await db.asset.create({
    data: { id, teamId, projectId, storageKey: `k/${id}`, width: 1, height: 1, bytes: 1, format: "png", sha256: id, approvalStatus: status, approvedAt, deletedAt },
  });
}
