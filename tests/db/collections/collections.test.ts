import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { listAssets } from "@/lib/assets/list-assets";
import { listAssetsQuery } from "@/lib/assets/asset-schemas";
import { createCollection } from "@/lib/collections/create-collection";
import { collectAssets } from "@/lib/collections/collect-assets";
import { listCollections } from "@/lib/collections/list-collections";
import { updateCollection } from "@/lib/collections/update-collection";
import { deleteCollection } from "@/lib/collections/delete-collection";
import { resolveCollectionQuery } from "@/lib/collections/resolve-collection-query";
import { createCollectionInput } from "@/lib/collections/collection-schemas";
import { createProjectRow } from "@/prisma/factories/create-project";
import { teamWithRoles, outcome } from "../teams/helpers";

// Issue 14, item 3: collections inside a project, one level of nesting, hand-picked or smart (a saved gallery query
// that stays current), and the gallery filtered to one.

async function asset(teamId: string, projectId: string, extra: { prompt?: string; favourite?: boolean } = {}) {
  return db.asset.create({
    data: { id: createId("asset"), teamId, projectId, storageKey: `originals/${teamId}/${createId("asset")}.png`, width: 64, height: 64, bytes: 10, format: "png", sha256: "0".repeat(64), prompt: extra.prompt ?? "a fox", favourite: extra.favourite ?? false },
  });
}

describe("collections", () => {
  let world: Awaited<ReturnType<typeof teamWithRoles>>;
  let project: Awaited<ReturnType<typeof createProjectRow>>;
  beforeAll(async () => {
    world = await teamWithRoles();
    project = await createProjectRow({ teamId: world.team.id });
  });
  const gallery = async (query: Record<string, unknown>) => {
    const resolved = await resolveCollectionQuery({ projectId: project.id, query: listAssetsQuery.parse(query) });
    return (await listAssets({ projectId: project.id, teamId: world.team.id, query: resolved })).data.map((a) => a.id);
  };

  it("gathers picked images, nests one level deep, and refuses another project's ids", async () => {
    const access = await world.accessOf("editor");
    const [a, b] = [await asset(world.team.id, project.id), await asset(world.team.id, project.id)];
    const other = await createProjectRow({ teamId: world.team.id });
    const foreign = await asset(world.team.id, other.id);

    const deck = await createCollection({ access, project, input: createCollectionInput.parse({ name: "Deck" }) });
    const round1 = await createCollection({ access, project, input: createCollectionInput.parse({ name: "Round 1", parentId: deck.id }) });
    // Not deeper than one level, and never under another project's collection.
    expect(await outcome(createCollection({ access, project, input: createCollectionInput.parse({ name: "Deeper", parentId: round1.id }) }))).toBe("validation_failed");
    const elsewhere = await createCollection({ access, project: other, input: createCollectionInput.parse({ name: "Elsewhere" }) });
    expect(await outcome(createCollection({ access, project, input: createCollectionInput.parse({ name: "Sneaky", parentId: elsewhere.id }) }))).toBe("validation_failed");
    // A collection with children stays top-level.
    const deckRow = await db.collection.findUniqueOrThrow({ where: { id: deck.id } });
    const spare = await createCollection({ access, project, input: createCollectionInput.parse({ name: "Spare" }) });
    expect(await outcome(updateCollection({ collection: deckRow, input: { parentId: spare.id } }))).toBe("validation_failed");

    const round1Row = await db.collection.findUniqueOrThrow({ where: { id: round1.id } });
    expect(await collectAssets({ collection: round1Row, add: [a.id, b.id, a.id], remove: [] })).toEqual({ id: round1.id, assetCount: 2 });
    expect(await outcome(collectAssets({ collection: round1Row, add: [foreign.id], remove: [] }))).toBe("not_found");
    await collectAssets({ collection: round1Row, add: [], remove: [b.id] });
    expect(await gallery({ collection: round1.id })).toEqual([a.id]);
    // Another project's gallery can't be pointed at this collection.
    expect(await outcome(resolveCollectionQuery({ projectId: other.id, query: listAssetsQuery.parse({ collection: round1.id }) }))).toBe("not_found");

    expect((await listCollections({ projectId: project.id })).map((c) => [c.name, c.parentId === deck.id, c.assetCount])).toEqual([
      ["Deck", false, 0],
      ["Round 1", true, 1],
      ["Spare", false, 0],
    ]);
    // Deleting the parent takes its children; the images stay.
    await deleteCollection({ collection: deckRow });
    expect((await listCollections({ projectId: project.id })).map((c) => c.name)).toEqual(["Spare"]);
    expect(await db.asset.count({ where: { id: { in: [a.id, b.id] } } })).toBe(2);
  });

  it("keeps a smart collection current: it is whatever its saved query matches now, narrowed by the request", async () => {
    const access = await world.accessOf("editor");
    const smartProject = await createProjectRow({ teamId: world.team.id });
    const smart = await createCollection({ access, project: smartProject, input: createCollectionInput.parse({ name: "Sneaker favourites", filter: { q: "sneaker", favourite: "true" } }) });
    expect(smart).toMatchObject({ smart: true, assetCount: null, filter: { q: "sneaker", favourite: true } });
    const query = async (extra: Record<string, unknown> = {}) => {
      const resolved = await resolveCollectionQuery({ projectId: smartProject.id, query: listAssetsQuery.parse({ collection: smart.id, ...extra }) });
      return (await listAssets({ projectId: smartProject.id, teamId: world.team.id, query: resolved })).data.map((a) => a.id);
    };
    expect(await query()).toEqual([]);
    const hit = await asset(world.team.id, smartProject.id, { prompt: "red sneaker on sand", favourite: true });
    await asset(world.team.id, smartProject.id, { prompt: "red sneaker on sand", favourite: false });
    await asset(world.team.id, smartProject.id, { prompt: "a boot", favourite: true });
    const later = await asset(world.team.id, smartProject.id, { prompt: "blue SNEAKER at night", favourite: true });
    expect(await query()).toEqual([later.id, hit.id]);
    expect(await query({ q: "blue" })).toEqual([later.id]);
    const row = await db.collection.findUniqueOrThrow({ where: { id: smart.id } });
    expect(await outcome(collectAssets({ collection: row, add: [hit.id], remove: [] }))).toBe("validation_failed");
    // The saved query can't smuggle paging or another collection in.
    expect(createCollectionInput.safeParse({ name: "x", filter: { collection: smart.id } }).success).toBe(false);
  });
});
