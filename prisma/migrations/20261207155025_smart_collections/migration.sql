-- AlterTable
ALTER TABLE "Collection" ADD COLUMN     "filter" JSONB;
