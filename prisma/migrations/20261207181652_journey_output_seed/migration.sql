-- AlterTable
ALTER TABLE "GenerationOutput" ADD COLUMN     "seed" INTEGER;
