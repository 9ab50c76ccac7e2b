-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "listCostMicros" BIGINT,
ADD COLUMN     "providerCostMicros" BIGINT;
