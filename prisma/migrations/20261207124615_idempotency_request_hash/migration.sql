-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "idempotencyRequestHash" TEXT;

-- "idempotencyKey" now holds a digest of the caller and the key (lib/generations/idempotency.ts). Keys stored before
-- were raw and shared by every caller of a project: they no longer match anything, so a retry of a request made
-- before this deploy creates a new generation (keys are for retries within minutes, not for history).
