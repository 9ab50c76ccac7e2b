-- AlterTable
ALTER TABLE "SpendAlert" ADD COLUMN     "dispatchedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SpendAlertSettings" (
    "teamId" TEXT NOT NULL,
    "channels" JSONB NOT NULL,
    "webhookUrl" TEXT,
    "webhookSecretEncrypted" TEXT,
    "webhookSecretKeyVersion" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpendAlertSettings_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "SpendAlertDelivery" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "alertId" TEXT,
    "url" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "responseCode" INTEGER,
    "durationMs" INTEGER NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpendAlertDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SpendAlertDelivery_teamId_createdAt_idx" ON "SpendAlertDelivery"("teamId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "SpendAlertSettings" ADD CONSTRAINT "SpendAlertSettings_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpendAlertDelivery" ADD CONSTRAINT "SpendAlertDelivery_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
