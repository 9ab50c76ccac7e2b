-- CreateTable
CREATE TABLE "SpendAlert" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "limitKind" TEXT NOT NULL,
    "limitId" TEXT NOT NULL,
    "projectId" TEXT,
    "userId" TEXT,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "threshold" INTEGER NOT NULL,
    "limitMicros" BIGINT NOT NULL,
    "spentMicros" BIGINT NOT NULL,
    "emailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpendAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SpendAlert_teamId_createdAt_idx" ON "SpendAlert"("teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SpendAlert_limitId_periodStart_threshold_key" ON "SpendAlert"("limitId", "periodStart", "threshold");

-- AddForeignKey
ALTER TABLE "SpendAlert" ADD CONSTRAINT "SpendAlert_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
