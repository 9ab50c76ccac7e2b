import { execFileSync, spawnSync } from "node:child_process";
import { StartupError } from "@/scripts/stack/startup-error";

// PostgreSQL refuses to run as root, so as root the embedded server runs as the `postgres` system user (created on
// first use, as Debian's own package does). Everything that user must touch has to be reachable by it.

export type UserIds = { uid: number; gid: number };

export function postgresUser(): UserIds {
  const read = (): UserIds | null => {
    try {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
      return { uid, gid };
    } catch {
      return null;
    }
  };
  const found = read();
  if (found) return found;
  try {
    spawnSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
    execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], { stdio: "ignore" });
  } catch (error) {
    throw new StartupError(
      "Running as root, the embedded PostgreSQL needs a `postgres` system user and useradd could not create it: create it (useradd --system postgres) or set DATABASE_URL to your own PostgreSQL",
      { cause: error },
    );
  }
  const created = read();
  if (!created) throw new StartupError("The `postgres` user was created but `id postgres` does not find it: set DATABASE_URL to your own PostgreSQL");
  return created;
}

/** True when `user` can reach every path (search permission on each folder on the way, execute on a file). */
export function canReach(user: UserIds, paths: string[]) {
  return paths.every((p) => spawnSync("test", ["-x", p], { uid: user.uid, gid: user.gid, stdio: "ignore" }).status === 0);
}
