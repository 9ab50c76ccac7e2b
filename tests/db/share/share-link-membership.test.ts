import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createShareLink } from "@/lib/share/create-share-link";
import { SHARE_PAGE_SIZE, shareLinkAsset, shareLinkAssetCount, shareLinkAssets } from "@/lib/share/share-link-assets";
import { shareGallery, shareGalleryPage } from "@/lib/share/share-gallery";
import { createCollection } from "@/lib/collections/create-collection";
import { createCollectionInput } from "@/lib/collections/collection-schemas";
import type { ShareLink } from "@/lib/generated/prisma/client";
import { createProjectRow } from "@/prisma/factories/create-project";
import { insertBulkAssets } from "@/prisma/factories/insert-bulk-assets";
import { teamWithRoles } from "../teams/helpers";

// Issue 14 item 5: a collection link's image routes ask "is this asset in the link's set?" with one indexed lookup,
// not by listing the collection (which capped the answer at the 500 the page used to show, and grew with the
// collection). Here on a collection of 600: every member answers — the oldest too, beyond what one listing reaches —
// and nothing else does: a non-member of the project, a child collection's image, a trashed member, another
// project's image, an unknown id. A smart collection's link follows its saved query as it changes. The share page
// itself pages through the whole collection (share2): its pages reach all 600, newest first, each once, and never a
// neighbouring project's or another team's image, even one whose row was put into the collection directly.

const COUNT = 600;
const IMAGE = { storageKey: "originals/x.png", thumbSmallKey: null, thumbLargeKey: null, width: 64, height: 64, bytes: 10, format: "png", sha256: "0".repeat(64), thumbhash: null };
const id = (batch: string, i: number) => `ast_${batch}${String(i).padStart(10, "0")}`;

describe("a collection share link's membership check", () => {
  let world: Awaited<ReturnType<typeof teamWithRoles>>;
  let link: ShareLink;
  let project: Awaited<ReturnType<typeof createProjectRow>>;
  beforeAll(async () => {
    world = await teamWithRoles();
    project = await createProjectRow({ teamId: world.team.id });
    const other = await createProjectRow({ teamId: world.team.id });
    await insertBulkAssets({ teamId: world.team.id, projectId: project.id, count: COUNT + 3, images: [IMAGE], batch: "MEMB" });
    await insertBulkAssets({ teamId: world.team.id, projectId: other.id, count: 1, images: [IMAGE], batch: "OTHR" });
    const neighbour = await teamWithRoles();
    const theirs = await createProjectRow({ teamId: neighbour.team.id });
    await insertBulkAssets({ teamId: neighbour.team.id, projectId: theirs.id, count: 2, images: [IMAGE], batch: "NBOR" });
    const access = await world.accessOf("owner");
    const parent = await createCollection({ access, project, input: createCollectionInput.parse({ name: "Campaign" }) });
    const child = await createCollection({ access, project, input: createCollectionInput.parse({ name: "Alternates", parentId: parent.id }) });
    // Members 0…599; 600 is only in the child collection; 601 is in none; 602 is a member that gets trashed.
    await db.collectionAsset.createMany({ data: [...Array.from({ length: COUNT }, (_, i) => i), 602].map((i) => ({ collectionId: parent.id, assetId: id("MEMB", i) })) });
    await db.collectionAsset.create({ data: { collectionId: child.id, assetId: id("MEMB", 600) } });
    await db.asset.update({ where: { id: id("MEMB", 602) }, data: { deletedAt: new Date() } });
    // Another project's image put into this collection's rows directly: the check must still refuse it.
    await db.collectionAsset.create({ data: { collectionId: parent.id, assetId: id("OTHR", 0) } });
    await db.collectionAsset.create({ data: { collectionId: parent.id, assetId: id("NBOR", 0) } });
    const made = await createShareLink({
      access, project: (await db.project.findUniqueOrThrow({ where: { id: project.id } })),
      input: { name: "Client", expiresInDays: 7, allowDownload: true, showPrompts: false, allowApprove: false, allowComment: false, collectionId: parent.id },
    });
    link = made.link;
  }, 60_000);

  it("pages through all 600 members newest first, each once, and nothing else", async () => {
    const first = await shareGallery(link);
    expect(first.total).toBe(COUNT);
    expect(first.items).toHaveLength(SHARE_PAGE_SIZE);
    const seen = first.items.map((item) => item.id);
    let cursor = first.nextCursor;
    let pages = 1;
    while (cursor) {
      const page = await shareGalleryPage(link, cursor);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
      expect(pages, "the pages end").toBeLessThan(20);
    }
    expect(pages).toBe(Math.ceil(COUNT / SHARE_PAGE_SIZE));
    expect(new Set(seen).size, "no image twice").toBe(seen.length);
    expect(seen).toHaveLength(COUNT);
    // The 600th (the oldest member) is reachable; children, non-members, trashed, other projects' and teams' are not.
    expect(seen).toContain(id("MEMB", 0));
    expect(seen).toContain(id("MEMB", COUNT - 1));
    for (const outside of [id("MEMB", 600), id("MEMB", 601), id("MEMB", 602), id("OTHR", 0), id("NBOR", 0), id("NBOR", 1)]) expect(seen, outside).not.toContain(outside);
    // Newest first, in the gallery's stable (createdAt, id) order.
    const expected = await db.asset.findMany({
      where: { id: { in: seen } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true },
    });
    expect(seen).toEqual(expected.map((a) => a.id));
    // A tampered cursor is refused, not read as "from the start".
    await expect(shareGalleryPage(link, "bm90LWEtY3Vyc29y")).rejects.toThrow(/cursor/);
  });

  it("answers every member of a 600-image collection, the oldest too", async () => {
    const shown = (await shareLinkAssets(link)).assets;
    expect(shown).toHaveLength(SHARE_PAGE_SIZE);
    for (const i of [0, 1, 250, 499, 500, 598, COUNT - 1]) expect((await shareLinkAsset(link, id("MEMB", i)))?.id, `member ${i}`).toBe(id("MEMB", i));
    // Agrees with the listing wherever the listing reaches.
    for (const asset of shown.filter((_, i) => i % 50 === 0)) expect((await shareLinkAsset(link, asset.id))?.id).toBe(asset.id);
  });

  it("answers nothing else: a child collection's image, a non-member, a trashed member, another project's, an unknown id", async () => {
    for (const other of [id("MEMB", 600), id("MEMB", 601), id("MEMB", 602), id("OTHR", 0), `ast_${"0".repeat(26)}`, "'; DROP TABLE \"Asset\"; --"]) {
      expect(await shareLinkAsset(link, other), other).toBeNull();
    }
  });

  it("stops answering when the collection moves to another project or the member is removed", async () => {
    await db.collectionAsset.delete({ where: { collectionId_assetId: { collectionId: link.collectionId!, assetId: id("MEMB", 3) } } });
    expect(await shareLinkAsset(link, id("MEMB", 3))).toBeNull();
    const elsewhere = await createProjectRow({ teamId: world.team.id });
    await db.collection.update({ where: { id: link.collectionId! }, data: { projectId: elsewhere.id } });
    expect(await shareLinkAsset(link, id("MEMB", 4))).toBeNull();
    await db.collection.update({ where: { id: link.collectionId! }, data: { projectId: project.id } });
    expect((await shareLinkAsset(link, id("MEMB", 4)))?.id).toBe(id("MEMB", 4));
  });

  it("follows a smart collection's saved query as it changes", async () => {
    const access = await world.accessOf("owner");
    const smart = await createCollection({ access, project, input: createCollectionInput.parse({ name: "Favourites", filter: { favourite: "true" } }) });
    await db.asset.updateMany({ where: { id: { in: [id("MEMB", 10), id("MEMB", 550)] } }, data: { favourite: true } });
    const { link: smartLink } = await createShareLink({
      access, project: (await db.project.findUniqueOrThrow({ where: { id: project.id } })),
      input: { name: "Faves", expiresInDays: 7, allowDownload: false, showPrompts: false, allowApprove: false, allowComment: false, collectionId: smart.id },
    });
    expect((await shareLinkAsset(smartLink, id("MEMB", 10)))?.id).toBe(id("MEMB", 10));
    expect((await shareLinkAsset(smartLink, id("MEMB", 550)))?.id).toBe(id("MEMB", 550));
    expect(await shareLinkAsset(smartLink, id("MEMB", 11))).toBeNull();
    expect(await shareLinkAsset(smartLink, id("OTHR", 0))).toBeNull();
    await db.asset.update({ where: { id: id("MEMB", 10) }, data: { favourite: false } });
    expect(await shareLinkAsset(smartLink, id("MEMB", 10))).toBeNull();
    expect((await shareLinkAssets(smartLink)).assets.map((a) => a.id)).toEqual([id("MEMB", 550)]);
    expect(await shareLinkAssetCount(smartLink)).toBe(1);
  });

  it("pages a selection in the order it was made, on (position, id)", async () => {
    const access = await world.accessOf("owner");
    const picked = [5, 1, 9, 3, 7].map((i) => id("MEMB", i));
    const { link: selection } = await createShareLink({
      access, project: (await db.project.findUniqueOrThrow({ where: { id: project.id } })),
      input: { name: "Picks", expiresInDays: 7, allowDownload: false, showPrompts: false, allowApprove: false, allowComment: false, assetIds: picked },
    });
    await db.asset.update({ where: { id: id("MEMB", 9) }, data: { deletedAt: new Date() } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof shareLinkAssets>> = await shareLinkAssets(selection, { cursor, limit: 2 });
      seen.push(...page.assets.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([5, 1, 3, 7].map((i) => id("MEMB", i)));
    expect(await shareLinkAssetCount(selection)).toBe(4);
    await db.asset.update({ where: { id: id("MEMB", 9) }, data: { deletedAt: null } });
  });
});
