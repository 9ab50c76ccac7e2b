import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { assetNeighbours } from "@/lib/assets/asset-neighbours";
import { listAssets } from "@/lib/assets/list-assets";
import { listAssetsQuery, type ListAssetsQuery } from "@/lib/assets/asset-schemas";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { insertBulkAssets, type BulkAssetImage } from "@/prisma/factories/insert-bulk-assets";

// The image detail's arrow keys: for every asset, its neighbours must be exactly the rows before and after it in the
// gallery's own listing under the same filters and sort (ties on createdAt and rating included).

const IMAGE: BulkAssetImage = {
  storageKey: "teams/t/originals/aa/a.png", thumbSmallKey: "teams/t/thumbs/aa/a-w256.webp", thumbLargeKey: null,
  width: 1344, height: 768, bytes: 1000, format: "png", sha256: "a".repeat(64), thumbhash: "3OcRJYB4d3h/iIeHeEh3eIhw+j2w",
};

let teamId: string;
let projectId: string;

beforeAll(async () => {
  const owner = (await createUser()).user;
  teamId = (await createTeam({ ownerId: owner.id })).id;
  projectId = (await createProjectRow({ teamId })).id;
  const newest = new Date(Date.now() - 60_000);
  await insertBulkAssets({ teamId, projectId, count: 24, images: [IMAGE], newest, spacingMs: 1000, batch: "n" });
  // Same timestamp: only the id breaks the tie.
  await insertBulkAssets({ teamId, projectId, count: 6, images: [IMAGE], newest: new Date(newest.getTime() - 10_500), spacingMs: 0, batch: "t" });
  const rows = await db.asset.findMany({ where: { projectId }, orderBy: { id: "asc" } });
  // Ratings with many ties and favourites on every third, so the rating sort and a filter both have work to do.
  await Promise.all(rows.map((r, i) => db.asset.update({ where: { id: r.id }, data: { rating: i % 4, favourite: i % 3 === 0 } })));
});

async function listing(query: Partial<Record<keyof ListAssetsQuery, string>>) {
  return (await listAssets({ projectId, teamId, query: listAssetsQuery.parse({ ...query, limit: "200" }) })).data;
}

describe("assetNeighbours", () => {
  for (const query of [{}, { sort: "oldest" }, { sort: "rating" }, { favourite: "true" }, { sort: "rating", favourite: "false" }] as const) {
    it(`matches the listing's order for ${JSON.stringify(query)}`, async () => {
      const order = await listing(query);
      expect(order.length).toBeGreaterThan(5);
      const parsed = listAssetsQuery.parse(query);
      for (let i = 0; i < order.length; i++) {
        const got = await assetNeighbours({ asset: order[i]!, teamId, query: parsed });
        expect(got, `position ${i}`).toEqual({ previous: order[i - 1]?.id ?? null, next: order[i + 1]?.id ?? null });
      }
    });
  }

  it("still finds its place for an asset outside the filter (just unstarred)", async () => {
    const favourites = await listing({ favourite: "true" });
    const all = (await listing({})).map((a) => a);
    const at = (id: string) => all.findIndex((a) => a.id === id);
    const outsider = all.find((a, i) => !a.favourite && i > 0 && i < all.length - 1)!;
    const got = await assetNeighbours({ asset: outsider, teamId, query: listAssetsQuery.parse({ favourite: "true" }) });
    const before = favourites.filter((f) => at(f.id) < at(outsider.id)).at(-1)?.id ?? null;
    const after = favourites.find((f) => at(f.id) > at(outsider.id))?.id ?? null;
    expect(before).not.toBeNull();
    expect(got).toEqual({ previous: before, next: after });
  });
});
