import { ConfigError, env } from "@/lib/env";

/** Bad configuration stops a process at start-up with one line naming the variable, not a stack trace later. */
export function exitOnBadConfig() {
  try {
    env();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
