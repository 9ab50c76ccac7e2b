-- The gallery (issue 12): recipe columns copied onto Asset so each filter has an index, rating 0 = unrated so the
-- rating sort is one keyset, and a trigram index for prompt search (pg_trgm ships with PostgreSQL's contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- DropIndex
DROP INDEX "Asset_projectId_approvalStatus_createdAt_idx";

-- DropIndex
DROP INDEX "Asset_projectId_deletedAt_createdAt_idx";

-- DropIndex
DROP INDEX "Asset_projectId_favourite_createdAt_idx";

-- DropIndex
DROP INDEX "Asset_sha256_idx";

-- Existing unrated assets become 0 before the column turns NOT NULL.
UPDATE "Asset" SET "rating" = 0 WHERE "rating" IS NULL;

-- AlterTable
ALTER TABLE "Asset" ADD COLUMN     "aspectRatio" TEXT,
ADD COLUMN     "model" TEXT,
ADD COLUMN     "prompt" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "provider" "Provider",
ADD COLUMN     "resolution" TEXT,
ALTER COLUMN "rating" SET NOT NULL,
ALTER COLUMN "rating" SET DEFAULT 0;

-- Backfill the copied recipe columns from each asset's generation.
UPDATE "Asset" a SET "model" = g."model", "provider" = g."provider", "aspectRatio" = g."aspectRatio",
  "resolution" = g."resolution", "prompt" = g."prompt"
FROM "Generation" g WHERE g."id" = a."generationId";

-- CreateIndex
CREATE INDEX "Asset_projectId_deletedAt_createdAt_id_idx" ON "Asset"("projectId", "deletedAt", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Asset_projectId_deletedAt_rating_createdAt_id_idx" ON "Asset"("projectId", "deletedAt", "rating" DESC, "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Asset_projectId_favourite_deletedAt_createdAt_id_idx" ON "Asset"("projectId", "favourite", "deletedAt", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Asset_projectId_approvalStatus_deletedAt_createdAt_id_idx" ON "Asset"("projectId", "approvalStatus", "deletedAt", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Asset_projectId_model_deletedAt_createdAt_id_idx" ON "Asset"("projectId", "model", "deletedAt", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Asset_projectId_provider_deletedAt_createdAt_id_idx" ON "Asset"("projectId", "provider", "deletedAt", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Asset_projectId_aspectRatio_deletedAt_createdAt_id_idx" ON "Asset"("projectId", "aspectRatio", "deletedAt", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Asset_projectId_resolution_deletedAt_createdAt_id_idx" ON "Asset"("projectId", "resolution", "deletedAt", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Asset_projectId_createdById_deletedAt_createdAt_id_idx" ON "Asset"("projectId", "createdById", "deletedAt", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Asset_prompt_idx" ON "Asset" USING GIN ("prompt" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Asset_deletedAt_idx" ON "Asset"("deletedAt");

-- CreateIndex
CREATE INDEX "Asset_teamId_sha256_idx" ON "Asset"("teamId", "sha256");
