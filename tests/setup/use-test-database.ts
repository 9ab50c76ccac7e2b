import { inject } from "vitest";

// Runs in each test worker before the test file is imported, so lib/env.ts and lib/db.ts see the run's database.
process.env.DATABASE_URL = inject("databaseUrl");
