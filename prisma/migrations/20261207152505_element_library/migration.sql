-- AlterEnum
ALTER TYPE "ElementKind" ADD VALUE 'scene';

-- DropIndex
DROP INDEX "ElementProviderRef_elementVersionId_provider_key";

-- AlterTable
ALTER TABLE "ElementProviderRef" ADD COLUMN     "account" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "ElementProviderRef_elementVersionId_provider_account_key" ON "ElementProviderRef"("elementVersionId", "provider", "account");
