import { describe, expect, it } from "vitest";
import { GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { db } from "@/lib/db";
import { CATALOG_ENTRIES } from "@/lib/kling/models";
import { PROVIDER_IDS } from "@/lib/kling/providers";
import { providerOffers } from "@/lib/kling/provider-support";
import { getPixelSize } from "@/lib/kling/pixel-sizes";
import { PRICES } from "@/lib/kling/prices";
import { bucket, s3 } from "@/lib/storage/s3-client";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { referenceAsset, sim, waitForSettled } from "@/tests/helpers/pipeline";

type Accounting = { jobs: Array<{ provider: string; externalId: string; correlationId: string | null; costMicros: number; images: number }> };

async function objectWidth(key: string) {
  const object = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
  const meta = await sharp(Buffer.from(await object.Body!.transformToByteArray())).metadata();
  return { width: meta.width, format: meta.format };
}

describe("every mode on every provider, end to end", () => {
  it("completes with assets of the right size in S3 and spend settled to the exact price", { timeout: 300_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const { api, team, project } = await memberOfNewTeam("owner");
    const refs = await Promise.all([0, 1].map((i) => referenceAsset({ teamId: team.id, projectId: project.id, hue: 40 + i * 100 })));
    const submitted: { id: string; provider: string; images: number }[] = [];
    for (const provider of PROVIDER_IDS) {
      for (const entry of CATALOG_ENTRIES.filter((e) => providerOffers(provider, e.model, e.mode))) {
        const images = provider === "segmind" ? 1 : 2;
        const references = entry.mode === "edit" ? [{ assetId: refs[0]!.id }] : entry.mode === "multi-reference" ? refs.map((r) => ({ assetId: r.id })) : [];
        const res = await api(`/api/v1/projects/${project.id}/generations`, {
          method: "POST",
          body: JSON.stringify({
            provider,
            model: entry.model,
            mode: entry.mode,
            references,
            parameters: { prompt: `${entry.label} via ${provider}${references.length ? " using @image1" : ""}`, aspect_ratio: "3:2", resolution: "1k", num_images: images },
          }),
        });
        const body = (await res.json()) as { id: string; error?: unknown };
        expect(res.status, `${provider} ${entry.label}: ${JSON.stringify(body)}`).toBe(202);
        submitted.push({ id: body.id, provider, images });
      }
    }
    expect(new Set(submitted.map((s) => s.provider)).size).toBe(PROVIDER_IDS.length);
    await waitForSettled(submitted.map((s) => s.id), 180_000);

    const accounting = await sim<Accounting>("/accounting");
    const { width, height } = getPixelSize({ aspectRatio: "3:2", resolution: "1k" });
    for (const { id, provider, images } of submitted) {
      const generation = await db.generation.findUniqueOrThrow({ where: { id }, include: { assets: true, spend: true } });
      expect(generation.status, `${id} on ${provider}: ${generation.errorMessage}`).toBe("succeeded");
      expect(generation.assets).toHaveLength(images);
      for (const asset of generation.assets) {
        expect([asset.width, asset.height]).toEqual([width, height]);
        await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: asset.storageKey }));
        expect(await objectWidth(asset.thumbSmallKey!)).toEqual({ width: 256, format: "webp" });
        expect(await objectWidth(asset.thumbLargeKey!)).toEqual({ width: 768, format: "webp" });
      }
      const price = PRICES[generation.provider][generation.model as "kling-v3"]!;
      const expected = price.per === "generation" ? price.micros["1k"]! : price.micros["1k"]! * images;
      const settlement = generation.spend.find((e) => e.kind === "settlement");
      expect(Number(settlement?.amountMicros)).toBe(expected);
      expect(generation.spend.reduce((sum, e) => sum + Number(e.amountMicros), 0)).toBe(expected);
      const billed = accounting.jobs.find((j) => j.provider === provider && (j.externalId === generation.providerTaskId || j.correlationId === generation.correlationId));
      expect(billed?.costMicros, `${provider} bill for ${id}`).toBe(expected);
    }
  });
});
