-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "collectionId" TEXT;

-- CreateIndex
CREATE INDEX "Generation_collectionId_idx" ON "Generation"("collectionId");

-- AddForeignKey
ALTER TABLE "Generation" ADD CONSTRAINT "Generation_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection"("id") ON DELETE SET NULL ON UPDATE CASCADE;
