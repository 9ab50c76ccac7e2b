import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

// lib/env.ts's development fallback for AUTH_SECRET is in the source, so anyone could compute the per-job webhook
// tokens (lib/providers-config/resolve-provider-config.ts derives them from it) of a dev studio reachable through a
// tunnel. `npm run dev` uses this instead: a random secret made on first run and kept beside the rest of the local
// state, so sessions and webhook URLs survive restarts. An AUTH_SECRET from the environment or .env always wins.
const FILE = "auth-secret";

/** The machine's development AUTH_SECRET in `<dataDir>/auth-secret` (mode 0600), created on first use. */
export async function devAuthSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, FILE);
  const existing = await fs.readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  await fs.mkdir(dataDir, { recursive: true });
  // Written whole under a temporary name, then linked into place: two first runs at once keep whichever linked first,
  // and neither ever reads a half-written file.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await fs.writeFile(temp, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
  await fs.link(temp, file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  await fs.rm(temp, { force: true });
  return (await fs.readFile(file, "utf8")).trim();
}
