import { applyMigrations } from "@/scripts/db/apply-migrations";
import { ensureDatabase } from "@/scripts/db/ensure-database";

/**
 * Brings a database and bucket to what the app expects: database created, migrations applied, bucket present, demo
 * data on first run. Reads configuration from process.env, so the caller sets the stack's variables there first.
 */
export async function prepareApp(options: { databaseUrl: string; seed: boolean; log: (line: string) => void }) {
  await ensureDatabase(options.databaseUrl);
  const { applied } = await applyMigrations({ databaseUrl: options.databaseUrl });
  options.log(applied.length ? `migrations applied: ${applied.join(", ")}` : "migrations up to date");
  const { ensureBucket } = await import("@/lib/storage/ensure-bucket");
  await ensureBucket();
  if (!options.seed) return;
  const { DEMO_OWNER, seedDemo } = await import("@/prisma/demo-data");
  const seeded = await seedDemo();
  if (seeded) options.log(`seeded demo team "${seeded.team.name}" with project "${seeded.project.name}"`);
  const { demoSignInHint } = await import("@/scripts/demo-sign-in-hint");
  const hint = await demoSignInHint(DEMO_OWNER);
  if (hint) options.log(hint);
}
