import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { parseRunwareResponse } from "@/lib/providers/runware/status";
import { applyProviderStatus } from "@/lib/generations/apply-provider-status";
import { getAssetDetail } from "@/lib/assets/get-asset-detail";
import { listAssets } from "@/lib/assets/list-assets";
import { listAssetsQuery } from "@/lib/assets/asset-schemas";
import { compareRecipes, recipeRows } from "@/app/(studio)/projects/[projectId]/_components/asset-detail/format-recipe";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";

// The seed an image was made with is the one the provider reports for it, not the request's: a generation without a
// seed (the usual case) draws one per image, so its recipe said "random" on every image and Compare called two images
// with different seeds "Same recipe". Runware reports one seed per image (providers.md §3.3, seed 004's examples).

async function runningGeneration(provider: "runware" | "fal", seed: number | null) {
  const { user } = await createUser();
  const team = await createTeam({ ownerId: user.id });
  const project = await createProjectRow({ teamId: team.id, createdById: user.id });
  const parameters = { prompt: "a lighthouse", aspect_ratio: "16:9", resolution: "2k", num_images: 2, ...(seed === null ? {} : { seed }) };
  const generation = await db.generation.create({
    data: {
      id: createId("generation"), teamId: team.id, projectId: project.id, createdById: user.id, model: "kling-v3", provider, mode: "text_to_image",
      parameters, prompt: "a lighthouse", aspectRatio: "16:9", resolution: "2k", numImages: 2, seed, status: "running",
      correlationId: createId("generation"), estimatedCostMicros: 56_000n,
    },
  });
  return { team, project, generation };
}

/** The assets ingest would make of the outputs (ingest itself is tested in ingest-output.test.ts). */
async function assetsFor(g: Awaited<ReturnType<typeof runningGeneration>>) {
  const outputs = await db.generationOutput.findMany({ where: { generationId: g.generation.id }, orderBy: { index: "asc" } });
  const assets = [];
  for (const output of outputs) {
    const asset = await db.asset.create({
      data: {
        id: createId("asset"), teamId: g.team.id, projectId: g.project.id, generationId: g.generation.id, outputIndex: output.index,
        storageKey: `teams/${g.team.id}/originals/${output.index}.png`, width: 2560, height: 1440, bytes: 100, format: "png", sha256: String(output.index).repeat(64),
        prompt: "a lighthouse", model: "kling-v3", provider: g.generation.provider, aspectRatio: "16:9", resolution: "2k",
      },
    });
    await db.generationOutput.update({ where: { id: output.id }, data: { status: "ingested", assetId: asset.id } });
    assets.push(asset);
  }
  return assets;
}

describe("the seed an image was made with", () => {
  it("is recorded from Runware's answer per image, shown in the recipe and listing, and compared", async () => {
    const g = await runningGeneration("runware", null);
    const T = "3ba7ae08-76de-4f81-ab0f-64c7aaf0000f";
    const item = (n: number, seed: unknown) => ({ taskType: "imageInference", taskUUID: T, status: "success", imageUUID: `img-${n}`, imageURL: `https://im.runware.ai/image/${n}.jpg`, seed, cost: 0.028 });
    const result = parseRunwareResponse({ data: [item(1, 843701865), item(2, 490621982)] }, { taskUUID: T, expectedImages: 2 });
    expect(result.outputs.map((o) => o.seed)).toEqual([843701865, 490621982]);
    expect(await applyProviderStatus({ generationId: g.generation.id, result })).toBe("finished");
    const outputs = await db.generationOutput.findMany({ where: { generationId: g.generation.id }, orderBy: { index: "asc" } });
    expect(outputs.map((o) => o.seed)).toEqual([843701865, 490621982]);

    const [a, b] = await assetsFor(g);
    const details = [await getAssetDetail(a!), await getAssetDetail(b!)];
    expect(details.map((d) => [d.generation?.seed, d.generation?.outputSeed, d.recipe.seed])).toEqual([[null, 843701865, 843701865], [null, 490621982, 490621982]]);
    expect(recipeRows(details[0]!).find((r) => r.key === "seed")?.value).toBe("843701865");
    const table = compareRecipes(details);
    expect(table.find((r) => r.key === "seed")).toMatchObject({ values: ["843701865", "490621982"], differs: true });
    expect(table.find((r) => r.key === "prompt")?.differs).toBe(false);

    const page = await listAssets({ projectId: g.project.id, teamId: g.team.id, query: listAssetsQuery.parse({}) });
    expect(Object.fromEntries(page.data.map((r) => [r.id, r.seed]))).toEqual({ [a!.id]: 843701865, [b!.id]: 490621982 });
  });

  it("ignores a seed the request could not carry back (not an int32), rather than failing the success", () => {
    const T = "t";
    const result = parseRunwareResponse({ data: [{ taskUUID: T, status: "success", imageURL: "https://x/1.png", seed: 9_007_199_254_740_993 }, { taskUUID: T, status: "success", imageURL: "https://x/2.png", seed: "7" }] }, { taskUUID: T, expectedImages: 2 });
    expect(result.outputs.map((o) => o.seed)).toEqual([undefined, undefined]);
  });

  it("where the provider reports none, each image's random seed is its own: compare marks it, never 'same'", async () => {
    const g = await runningGeneration("fal", null);
    await applyProviderStatus({ generationId: g.generation.id, result: { status: "succeeded", outputs: [{ url: "https://fal.media/1.png" }, { url: "https://fal.media/2.png" }], raw: {} } });
    const [a, b] = await assetsFor(g);
    const details = [await getAssetDetail(a!), await getAssetDetail(b!)];
    expect(details.map((d) => d.recipe.seed)).toEqual([null, null]);
    expect(recipeRows(details[0]!).find((r) => r.key === "seed")?.value).toBe("random (not reported by the provider)");
    const table = compareRecipes(details);
    expect(table.find((r) => r.key === "seed")?.differs).toBe(true);
    // An image compared with itself is the same recipe.
    expect(compareRecipes([details[0]!, details[0]!]).some((r) => r.differs)).toBe(false);
  });

  it("a seed the request pinned, unreported, is shown as that seed", async () => {
    const g = await runningGeneration("runware", 42);
    await applyProviderStatus({ generationId: g.generation.id, result: { status: "succeeded", outputs: [{ url: "https://x/1.png" }, { url: "https://x/2.png" }], raw: {} } });
    const [a] = await assetsFor(g);
    const detail = await getAssetDetail(a!);
    expect(detail.recipe.seed).toBe(42);
    expect(recipeRows(detail).find((r) => r.key === "seed")?.value).toBe("42");
  });
});
