import fs from "node:fs";

// CPU time actually consumed by processes (user + system, from /proc/<pid>/stat), which — unlike latency — stays
// meaningful when other work shares the machine: it says what a request costs, not how long it waited for a core.

const TICKS_PER_SECOND = 100; // USER_HZ; `getconf CLK_TCK` is 100 on every Linux this runs on

function stat(pid: number): string[] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces; fields after it are space-separated.
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** CPU milliseconds used so far by these processes (exited ones count as 0). */
export function cpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const fields = stat(pid);
    // After the name: state(0) ppid(1) … utime(11) stime(12)
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The process and all its descendants alive now (e.g. an embedded PostgreSQL and its backends). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = stat(Number(entry));
    if (!fields) continue;
    const ppid = Number(fields[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const visit = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) visit(c);
  };
  visit(root);
  return out;
}

/** The embedded PostgreSQL this process started (postmaster and backends); empty when DATABASE_URL's server is used. */
export function embeddedPostgres(): number[] {
  const postmaster = processTree(process.pid).find((pid) => pid !== process.pid && comm(pid) === "postgres");
  return postmaster ? processTree(postmaster) : [];
}

function comm(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

/**
 * CPU used by named groups of processes across `fn`. Pids are resolved before and after, so processes started
 * meanwhile (new database backends) count in full; one that exits meanwhile takes its CPU with it (an idle pool
 * connection closing), so such groups are listed in `partial` as undercounted — possibly below zero.
 */
export async function measureCpu<T>(groups: Record<string, () => number[]>, fn: () => Promise<T>) {
  const start = Object.fromEntries(Object.entries(groups).map(([k, g]) => [k, g()] as const));
  const before = Object.fromEntries(Object.entries(start).map(([k, pids]) => [k, cpuMs(pids)] as const));
  const value = await fn();
  const cpu: Record<string, number> = {};
  const raw: Record<string, { pids: number[]; before: number; after: number }> = {};
  const partial: string[] = [];
  for (const [k, g] of Object.entries(groups)) {
    const pids = [...new Set([...start[k]!, ...g()])];
    const after = cpuMs(pids);
    cpu[k] = after - before[k]!;
    raw[k] = { pids, before: before[k]!, after };
    if (start[k]!.some((pid) => !fs.existsSync(`/proc/${pid}`))) partial.push(k);
  }
  return { value, cpu, raw, partial };
}
