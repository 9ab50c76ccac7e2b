import { ConfigError, env } from "@/lib/env";

// Bad configuration stops start-up with one line naming the variable, instead of failing later on the first
// request that touches it.
try {
  env();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
