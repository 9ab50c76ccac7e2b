import { afterEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { signedInUser } from "@/tests/helpers/signed-in-user";
import { addMember, createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { sim, waitForSettled } from "@/tests/helpers/pipeline";
import { SPEND_GROUPS } from "@/lib/spend/spend-query-schemas";

// Issue 13's "done means" for the figures: the spend API (read with an API key's spend:read scope, as a finance tool
// would) equals the ledger's sums and the simulator's own billing record for every grouping, the CSV has one row per
// generation adding up to the same money, and a price change at a provider shows up in the price check.

type Accounting = { jobs: Array<{ provider: string; externalId: string; costMicros: number; status: string }> };
type Figures = { spentMicros: number; settledMicros: number; generations: number; images: number };
type Report = {
  range: { from: string; to: string };
  totals: Figures;
  groups: Array<Figures & { key: string | null; label: string }>;
  priceCheck: { count: number; differenceMicros: number; rows: Array<{ generationId: string; listMicros: number; providerMicros: number; differenceMicros: number }> };
};

const keyFetch = (key: string) => (path: string, init: RequestInit = {}) =>
  fetch(`${inject("appUrl")}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers } });

async function ownerKey(teamId: string, ownerId: string, input: { access: "read" | "read_write"; scopes: ("spend:read" | "budgets:write")[]; projectIds?: string[] }) {
  const access = await resolveTeamAccess({ caller: { kind: "user", userId: ownerId }, teamId, permission: "apikey.manage" });
  const { key } = await createApiKey({ access, input: { name: `key ${input.scopes.join(" ")}`, projectIds: [], ...input } });
  return keyFetch(key);
}

function parseCsv(text: string) {
  const [header, ...rows] = text.replace(/^\uFEFF/, "").trim().split("\r\n").map((line) => line.split(","));
  return rows.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ""])));
}

afterEach(() => sim("/faults", { method: "DELETE" }));

describe("spend figures against the ledger and the simulator's books", () => {
  it("every grouping equals the ledger and the simulator to the micro-dollar; the CSV has one row per generation", { timeout: 300_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const owner = await signedInUser();
    const editor = await signedInUser();
    const team = await createTeam({ ownerId: owner.user.id });
    await addMember({ teamId: team.id, userId: editor.user.id, role: "editor" });
    const projects = await Promise.all([createProjectRow({ teamId: team.id, name: "North" }), createProjectRow({ teamId: team.id, name: "South" })]);

    // Providers that report a cost (Kling units, Runware, Segmind) and two that don't (WaveSpeed, fal), two members,
    // two projects, one to three images.
    const plan = [
      { who: owner, project: 0, provider: "kling", images: 3 },
      { who: editor, project: 1, provider: "kling", images: 1 },
      { who: owner, project: 1, provider: "runware", images: 2 },
      { who: editor, project: 0, provider: "segmind", images: 1 },
      { who: owner, project: 0, provider: "wavespeed", images: 1 },
      { who: editor, project: 1, provider: "fal", images: 2 },
    ] as const;
    const ids: string[] = [];
    for (const [i, p] of plan.entries()) {
      const res = await p.who.api(`/api/v1/projects/${projects[p.project]!.id}/generations`, {
        method: "POST",
        body: JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: p.provider, parameters: { prompt: `Figure ${i}`, num_images: p.images } }),
      });
      const body = (await res.json()) as { id: string };
      expect(res.status, JSON.stringify(body)).toBe(202);
      ids.push(body.id);
    }
    await waitForSettled(ids, 180_000);
    const generations = await db.generation.findMany({ where: { id: { in: ids } } });
    expect(generations.every((g) => g.status === "succeeded")).toBe(true);

    // The simulator's bill per generation, matched by the provider's own job id.
    const books = await sim<Accounting>("/accounting");
    const billed = new Map(generations.map((g) => [g.id, books.jobs.find((j) => j.provider === g.provider && j.externalId === g.providerTaskId)!.costMicros]));
    expect([...billed.values()].every((v) => v > 0)).toBe(true);
    const simTotal = [...billed.values()].reduce((a, b) => a + b, 0);

    const api = await ownerKey(team.id, owner.user.id, { access: "read", scopes: ["spend:read"] });
    const ledger = await db.spendEntry.findMany({ where: { teamId: team.id } });
    const ledgerSum = (rows: typeof ledger) => rows.reduce((s, e) => s + Number(e.amountMicros), 0);
    const settlement = (rows: typeof ledger) => ledgerSum(rows.filter((e) => e.kind === "settlement"));
    const byId = new Map(generations.map((g) => [g.id, g]));
    const keyOf: Record<(typeof SPEND_GROUPS)[number], (e: (typeof ledger)[number]) => string | null> = {
      day: (e) => e.createdAt.toISOString().slice(0, 10),
      model: (e) => e.model,
      provider: (e) => e.provider,
      member: (e) => e.userId,
      project: (e) => e.projectId,
      element: () => null,
    };
    for (const groupBy of SPEND_GROUPS) {
      const res = await api(`/api/v1/teams/${team.id}/spend?groupBy=${groupBy}`);
      expect(res.status, groupBy).toBe(200);
      const report = (await res.json()) as Report;
      expect(report.totals.spentMicros, groupBy).toBe(ledgerSum(ledger));
      expect(report.totals.settledMicros, groupBy).toBe(simTotal);
      expect(report.totals.spentMicros, groupBy).toBe(simTotal); // all settled: nothing reserved remains
      expect(report.totals.generations).toBe(plan.length);
      for (const group of report.groups) {
        const mine = ledger.filter((e) => keyOf[groupBy](e) === group.key);
        expect(group.spentMicros, `${groupBy} ${group.key}`).toBe(ledgerSum(mine));
        expect(group.settledMicros, `${groupBy} ${group.key}`).toBe(settlement(mine));
        const simGroup = [...new Set(mine.map((e) => e.generationId))].reduce((s, id) => s + billed.get(id)!, 0);
        expect(group.settledMicros, `${groupBy} ${group.key} vs simulator`).toBe(simGroup);
      }
      expect(report.groups.reduce((s, g) => s + g.spentMicros, 0), groupBy).toBe(report.totals.spentMicros);
      expect(report.priceCheck.count).toBe(0);
    }
    // A project's page reads the same way through its own route.
    const north = (await (await api(`/api/v1/projects/${projects[0]!.id}/spend?groupBy=provider`)).json()) as Report;
    expect(north.totals.spentMicros).toBe(ledgerSum(ledger.filter((e) => e.projectId === projects[0]!.id)));

    const csv = await api(`/api/v1/teams/${team.id}/spend/generations.csv?bom=1`);
    expect(csv.status).toBe(200);
    const rows = parseCsv(await csv.text());
    expect(rows.map((r) => r.generation_id).sort()).toEqual([...ids].sort());
    expect(rows.reduce((s, r) => s + Number(r.actual_micros), 0)).toBe(simTotal);
    for (const r of rows) expect(Number(r.actual_micros)).toBe(billed.get(r.generation_id!));
    expect(rows.every((r) => byId.get(r.generation_id!)?.projectId === r.project_id)).toBe(true);
    const ledgerCsv = parseCsv(await (await api(`/api/v1/teams/${team.id}/spend/ledger.csv`)).text());
    expect(ledgerCsv).toHaveLength(ledger.length);
  });

  it("a price change at the provider is billed, settled and flagged in the price check", { timeout: 180_000 }, async () => {
    const owner = await signedInUser();
    const team = await createTeam({ ownerId: owner.user.id });
    const project = await createProjectRow({ teamId: team.id, name: "Repriced" });
    // Runware now charges $0.031 an image; our price table still says $0.028.
    await sim("/faults", { body: { providers: { runware: { unitPriceMicros: 31_000 } } } });
    const submit = async (provider: string) => {
      const res = await owner.api(`/api/v1/projects/${project.id}/generations`, {
        method: "POST",
        body: JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider, parameters: { prompt: `Repriced on ${provider}`, num_images: 2 } }),
      });
      expect(res.status).toBe(202);
      return ((await res.json()) as { id: string }).id;
    };
    const repriced = await submit("runware");
    const unchanged = await submit("kling");
    await waitForSettled([repriced, unchanged]);

    const generation = await db.generation.findUniqueOrThrow({ where: { id: repriced } });
    const books = await sim<Accounting>("/accounting");
    expect(books.jobs.find((j) => j.provider === "runware" && j.externalId === generation.providerTaskId)!.costMicros).toBe(62_000);
    expect({ actual: generation.actualCostMicros, provider: generation.providerCostMicros, list: generation.listCostMicros }).toEqual({
      actual: 62_000n,
      provider: 62_000n,
      list: 56_000n,
    });

    const api = await ownerKey(team.id, owner.user.id, { access: "read", scopes: ["spend:read"] });
    for (const path of [`/api/v1/teams/${team.id}/spend`, `/api/v1/projects/${project.id}/spend`]) {
      const report = (await (await api(path)).json()) as Report;
      expect(report.priceCheck, path).toMatchObject({ count: 1, differenceMicros: 6_000, rows: [{ generationId: repriced, listMicros: 56_000, providerMicros: 62_000, differenceMicros: 6_000 }] });
      expect(report.totals.spentMicros).toBe(62_000 + 56_000);
    }
  });
});

describe("API-key scopes for spend and budgets", () => {
  it("reads spend only with spend:read, sets budgets and caps only with budgets:write, team-wide only on an all-projects key", { timeout: 60_000 }, async () => {
    const owner = await signedInUser();
    const team = await createTeam({ ownerId: owner.user.id });
    const project = await createProjectRow({ teamId: team.id, name: "Scoped" });
    const other = await createProjectRow({ teamId: team.id, name: "Elsewhere" });
    const plain = await ownerKey(team.id, owner.user.id, { access: "read_write", scopes: [] });
    const reader = await ownerKey(team.id, owner.user.id, { access: "read", scopes: ["spend:read"] });
    const writer = await ownerKey(team.id, owner.user.id, { access: "read_write", scopes: ["spend:read", "budgets:write"] });
    const limited = await ownerKey(team.id, owner.user.id, { access: "read", scopes: ["spend:read"], projectIds: [project.id] });

    const budget = JSON.stringify({ period: "monthly", hardLimitMicros: 1_000_000 });
    const cap = JSON.stringify({ hardLimitMicros: 5_000_000 });
    const reads = [`/api/v1/teams/${team.id}/spend`, `/api/v1/teams/${team.id}/spend/ledger.csv`, `/api/v1/teams/${team.id}/spend/generations.csv`, `/api/v1/teams/${team.id}/spend-caps`, `/api/v1/projects/${project.id}/spend`, `/api/v1/projects/${project.id}/budget`, `/api/v1/projects/${project.id}/spend/generations.csv`];
    for (const path of reads) {
      expect((await plain(path)).status, `plain ${path}`).toBe(403);
      expect((await reader(path)).status, `reader ${path}`).toBe(200);
    }
    expect((await reader(`/api/v1/projects/${project.id}/budget`, { method: "PUT", body: budget })).status).toBe(403);
    expect((await plain(`/api/v1/projects/${project.id}/budget`, { method: "PUT", body: budget })).status).toBe(403);
    expect((await writer(`/api/v1/projects/${project.id}/budget`, { method: "PUT", body: budget })).status).toBe(200);
    expect((await reader(`/api/v1/teams/${team.id}/spend-caps`, { method: "PUT", body: cap })).status).toBe(403);
    expect((await writer(`/api/v1/teams/${team.id}/spend-caps`, { method: "PUT", body: cap })).status).toBe(200);
    expect((await writer(`/api/v1/teams/${team.id}/spend-caps`, { method: "DELETE" })).status).toBe(204);

    // A key limited to one project reads that project's spend, never the team's or another project's.
    expect((await limited(`/api/v1/projects/${project.id}/spend`)).status).toBe(200);
    expect((await limited(`/api/v1/teams/${team.id}/spend`)).status).toBe(403);
    expect((await limited(`/api/v1/projects/${other.id}/spend`)).status).toBe(404);

    // A scope never outlasts the creator's role: an admin's key loses it when the admin is demoted to editor.
    const admin = await signedInUser();
    await addMember({ teamId: team.id, userId: admin.user.id, role: "admin" });
    const adminKey = await ownerKey(team.id, admin.user.id, { access: "read", scopes: ["spend:read"] });
    expect((await adminKey(`/api/v1/teams/${team.id}/spend`)).status).toBe(200);
    await db.membership.update({ where: { teamId_userId: { teamId: team.id, userId: admin.user.id } }, data: { role: "editor" } });
    expect((await adminKey(`/api/v1/teams/${team.id}/spend`)).status).toBe(403);
  });
});
