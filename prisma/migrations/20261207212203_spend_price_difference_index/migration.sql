-- The spend pages' price check (lib/spend/price-check.ts) reads only the generations whose provider-reported cost
-- differs from our price table: a partial index holding just those (a handful per month), instead of joining every
-- settlement of the range to its generation (npm run bench -- spend).
-- CreateIndex
CREATE INDEX "Generation_price_difference_idx" ON "Generation"("teamId", "createdAt") WHERE (("providerCostMicros" - "listCostMicros") <> 0);

-- The planner can't estimate a comparison between two columns (it assumes nearly every row differs and scans the
-- table); statistics on the difference tell it how rare a non-zero one is, so it picks the partial index.
-- Prisma's schema has no syntax for statistics objects and its diff ignores them.
CREATE STATISTICS "Generation_price_difference_stats" ON ("providerCostMicros" - "listCostMicros") FROM "Generation";
