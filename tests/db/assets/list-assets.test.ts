import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { listAssets } from "@/lib/assets/list-assets";
import { listAssetsQuery, type ListAssetsQuery } from "@/lib/assets/asset-schemas";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { insertBulkAssets, type BulkAssetImage } from "@/prisma/factories/insert-bulk-assets";
import type { Asset } from "@/lib/generated/prisma/client";

const IMAGE: BulkAssetImage = {
  storageKey: "teams/t/originals/aa/a.png", thumbSmallKey: "teams/t/thumbs/aa/a-w256.webp", thumbLargeKey: null,
  width: 1344, height: 768, bytes: 1000, format: "png", sha256: "a".repeat(64), thumbhash: "3OcRJYB4d3h/iIeHeEh3eIhw+j2w",
};

let teamId: string;
let projectId: string;
let otherProjectId: string;
let members: string[];

async function all(query: Partial<Record<keyof ListAssetsQuery, string>>, limit = 37) {
  const seen: Asset[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listAssets({ projectId, teamId, query: listAssetsQuery.parse({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) }) });
    seen.push(...page.data);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error("more than 100 pages");
}

const byNewest = (a: Asset, b: Asset) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);
const ids = (rows: Asset[]) => rows.map((r) => r.id);

describe("the gallery listing", () => {
  beforeAll(async () => {
    const owner = (await createUser()).user;
    const second = (await createUser()).user;
    members = [owner.id, second.id];
    const team = await createTeam({ ownerId: owner.id });
    teamId = team.id;
    projectId = (await createProjectRow({ teamId })).id;
    otherProjectId = (await createProjectRow({ teamId })).id;
    const newest = new Date(Date.now() - 60_000);
    await insertBulkAssets({ teamId, projectId, count: 250, images: [IMAGE], createdByIds: members, newest, spacingMs: 1000, batch: "a" });
    // 60 assets sharing one timestamp: only the id tie-break keeps pages apart.
    await insertBulkAssets({ teamId, projectId, count: 60, images: [IMAGE], createdByIds: members, newest: new Date(newest.getTime() - 100_500), spacingMs: 0, batch: "b" });
    await insertBulkAssets({ teamId, projectId: otherProjectId, count: 20, images: [IMAGE], newest, batch: "c" });
  });

  it("pages newest first with no gap or duplicate while assets keep arriving and get starred", async () => {
    const expected = (await db.asset.findMany({ where: { projectId, deletedAt: null } })).sort(byNewest);
    expect(expected).toHaveLength(310);
    const seen: Asset[] = [];
    let cursor: string | undefined;
    for (;;) {
      // Arrivals and edits race each page: an offset would shift under them, a keyset must not.
      const [page] = await Promise.all([
        listAssets({ projectId, teamId, query: listAssetsQuery.parse({ limit: "41", ...(cursor ? { cursor } : {}) }) }),
        insertBulkAssets({ teamId, projectId, count: 3, images: [IMAGE], batch: createId("asset").slice(-8) }),
        db.asset.updateMany({ where: { projectId, id: { in: ids(expected.slice(seen.length, seen.length + 5)) } }, data: { favourite: true } }),
      ]);
      seen.push(...page.data);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(new Set(ids(seen)).size).toBe(seen.length);
    // Arrivals are newer than the first page's position, so the walk is exactly the assets that existed.
    expect(ids(seen).slice(-310)).toEqual(ids(expected));
    expect(seen.length).toBeGreaterThanOrEqual(310);
    expect(seen.every((a) => a.projectId === projectId)).toBe(true);
  });

  it("pages oldest first and by rating the same way", async () => {
    const live = await db.asset.findMany({ where: { projectId, deletedAt: null } });
    expect(ids(await all({ sort: "oldest" }))).toEqual(ids([...live].sort(byNewest).reverse()));
    const rated = live.filter((_, i) => i % 3 === 0);
    for (const [i, a] of rated.entries()) await db.asset.update({ where: { id: a.id }, data: { rating: 1 + (i % 5) } });
    const now = await db.asset.findMany({ where: { projectId, deletedAt: null } });
    const expected = now.sort((a, b) => b.rating - a.rating || byNewest(a, b));
    expect(ids(await all({ sort: "rating" }))).toEqual(ids(expected));
  });

  it("refuses a cursor from another sort order", async () => {
    const page = await listAssets({ projectId, teamId, query: listAssetsQuery.parse({ limit: "5" }) });
    await expect(listAssets({ projectId, teamId, query: listAssetsQuery.parse({ sort: "oldest", cursor: page.nextCursor! }) })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("applies each filter exactly, and the trash only when asked", async () => {
    const rows = await db.asset.findMany({ where: { projectId } });
    const trashed = rows.filter((_, i) => i % 11 === 0);
    await db.asset.updateMany({ where: { id: { in: ids(trashed) } }, data: { deletedAt: new Date() } });
    await db.asset.updateMany({ where: { id: { in: ids(rows.filter((_, i) => i % 4 === 1)) } }, data: { approvalStatus: "approved" } });
    const tag = await db.tag.create({ data: { id: createId("tag"), teamId, name: "hero" } });
    await db.tag.create({ data: { id: createId("tag"), teamId, name: "unused" } });
    await db.assetTag.createMany({ data: rows.filter((_, i) => i % 6 === 2).map((a) => ({ assetId: a.id, tagId: tag.id })) });
    const tagged = new Set((await db.assetTag.findMany({ where: { tagId: tag.id } })).map((t) => t.assetId));

    const all0 = (await db.asset.findMany({ where: { projectId } })).sort(byNewest);
    const live = all0.filter((a) => !a.deletedAt);
    const mid = live[Math.floor(live.length / 2)]!.createdAt;
    const early = live[Math.floor(live.length * 0.8)]!.createdAt;
    const cases: [Partial<Record<keyof ListAssetsQuery, string>>, (a: Asset) => boolean][] = [
      [{}, () => true],
      [{ model: "kling-o3" }, (a) => a.model === "kling-o3"],
      [{ provider: "fal" }, (a) => a.provider === "fal"],
      [{ aspectRatio: "16:9" }, (a) => a.aspectRatio === "16:9"],
      [{ resolution: "2k" }, (a) => a.resolution === "2k"],
      [{ memberId: members[1]! }, (a) => a.createdById === members[1]],
      [{ favourite: "true" }, (a) => a.favourite],
      [{ favourite: "false" }, (a) => !a.favourite],
      [{ approval: "approved" }, (a) => a.approvalStatus === "approved"],
      [{ tag: "hero" }, (a) => tagged.has(a.id)],
      [{ tag: "unused" }, () => false],
      [{ from: early.toISOString(), to: mid.toISOString() }, (a) => a.createdAt >= early && a.createdAt < mid],
      [{ q: "RAMEN" }, (a) => a.prompt.includes("ramen")],
      [{ q: "100%" }, () => false],
      [{ q: "#12" }, (a) => a.prompt.includes("#12")],
      [{ model: "kling-v3", provider: "kling", favourite: "true" }, (a) => a.model === "kling-v3" && a.provider === "kling" && a.favourite],
    ];
    for (const [query, match] of cases) {
      const got = ids(await all(query));
      expect(got, JSON.stringify(query)).toEqual(ids(live.filter(match)));
    }
    expect(ids(await all({ trash: "true" }))).toEqual(ids(all0.filter((a) => a.deletedAt)));
    expect(ids(await all({ status: "trashed", model: "kling-v3" }))).toEqual(ids(all0.filter((a) => a.deletedAt && a.model === "kling-v3")));
    // Sanity: the filters above did select something, and something different.
    expect(live.filter((a) => tagged.has(a.id)).length).toBeGreaterThan(10);
    expect(live.filter((a) => a.prompt.includes("ramen")).length).toBeGreaterThan(10);
  });

  it("serves prompt search and each filter from an index, not a pass over the table", async () => {
    // With sequential scans priced out, a plan that still has one means no index can answer the query.
    const plans: string[] = [];
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      // Likewise a sort is priced out: one remains only where no index yields the rows in the gallery's order.
      await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
      for (const where of [`"prompt" ILIKE '%ramen%'`, `"model" = 'kling-o3'`, `"aspectRatio" = '16:9'`, `"resolution" = '2k'`, `"createdById" = 'x'`, `"favourite"`, `"approvalStatus" = 'approved'`, `"provider" = 'fal'`]) {
        const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
          `EXPLAIN SELECT id FROM "Asset" WHERE "projectId" = '${projectId}' AND "deletedAt" IS NULL AND ${where} ORDER BY "deletedAt", "createdAt" DESC, id DESC LIMIT 100`,
        );
        plans.push(`${where}: ${rows.map((r) => r["QUERY PLAN"]).join(" ")}`);
      }
    });
    for (const plan of plans) expect(plan).not.toMatch(/Seq Scan/);
    // The gallery's order (lib/assets/list-assets.ts names deletedAt first) is the index order: a page is read, not sorted.
    for (const plan of plans.filter((p) => !p.startsWith(`"prompt"`))) expect(plan).not.toMatch(/Sort/);
  });
});
