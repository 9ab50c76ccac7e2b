import { AppError } from "@/lib/errors";
import type { Caller } from "@/lib/http/caller";
import { recheckCaller } from "@/lib/http/recheck-caller";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";

// A stream opened with access must not outlive it. Changes that shrink access announce themselves (access.changed,
// from lib/audit/record-audit-event.ts) and are checked at once; the periodic check covers what announces nothing —
// a key or session reaching its expiry, an announcement lost with a dropped LISTEN connection (which ends the stream
// anyway), a change made by hand in the database.
const RECHECK_MS = 30_000;

/**
 * Re-checks the stream's caller against the project (authenticated again from the request, then the same check as
 * the route's) on `now()` and every RECHECK_MS; calls `revoked` once when it no longer holds. A failed check for any
 * other reason (the database briefly unreachable) leaves the stream open: the next check decides.
 */
export function streamAccessCheck(options: { request: Request; caller: Caller; projectId: string; revoked: () => void }) {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  const check = async () => {
    try {
      const caller = await recheckCaller(options.request, options.caller);
      await getProjectOrThrow({ caller, projectId: options.projectId, permission: "project.read" });
    } catch (error) {
      if (!stopped && error instanceof AppError && ["unauthorized", "forbidden", "not_found"].includes(error.code)) {
        stopped = true;
        clearInterval(timer);
        options.revoked();
      }
    }
  };
  // Announcements arrive in bursts (one per audited change): one check at a time, and one more if any came meanwhile.
  const now = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = check().finally(() => {
      running = null;
      if (again) {
        again = false;
        now();
      }
    });
  };
  const timer = setInterval(now, RECHECK_MS);
  return {
    now,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
