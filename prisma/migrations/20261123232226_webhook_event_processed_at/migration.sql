-- CreateIndex
CREATE INDEX "WebhookEvent_processedAt_idx" ON "WebhookEvent"("processedAt");

-- Until now every stored event had its sync enqueued when it arrived; mark them processed so the new drain
-- (lib/webhooks/drain-webhook-events.ts) doesn't re-sync the whole history once after deploying.
UPDATE "WebhookEvent" SET "processedAt" = "receivedAt" WHERE "processedAt" IS NULL;
