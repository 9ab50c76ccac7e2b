import { inject } from "vitest";

// Test files talk to the same database, bucket and simulator as the app under test.
Object.assign(process.env, inject("stackEnv"));
