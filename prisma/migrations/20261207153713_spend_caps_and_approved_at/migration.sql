-- AlterTable
ALTER TABLE "Asset" ADD COLUMN     "approvedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SpendCap" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "userId" TEXT,
    "projectId" TEXT,
    "softLimitMicros" BIGINT,
    "hardLimitMicros" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpendCap_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SpendCap_userId_idx" ON "SpendCap"("userId");

-- CreateIndex
CREATE INDEX "SpendCap_projectId_idx" ON "SpendCap"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "SpendCap_teamId_scope_key" ON "SpendCap"("teamId", "scope");

-- CreateIndex
CREATE INDEX "Asset_teamId_approvedAt_idx" ON "Asset"("teamId", "approvedAt");

-- CreateIndex
CREATE INDEX "Generation_teamId_createdAt_id_idx" ON "Generation"("teamId", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "SpendCap" ADD CONSTRAINT "SpendCap_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpendCap" ADD CONSTRAINT "SpendCap_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpendCap" ADD CONSTRAINT "SpendCap_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
