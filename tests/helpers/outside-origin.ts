import { afterAll, beforeAll } from "vitest";
import { startOutsideOrigin, type OutsideOrigin } from "./outside-origin-server";

// The vitest-bound half: the server itself lives in outside-origin-server.ts so the integration tier's global setup
// (which must not call vitest's hooks) can start one for the whole stack.

/**
 * One stand-in origin for the calling test file: started before its tests, closed after them. The handle's fields
 * are filled in once it has started, so read them inside tests, not at module level.
 */
export function outsideOriginForThisFile(): Omit<OutsideOrigin, "close"> {
  let started: OutsideOrigin | undefined;
  const handle = { host: "", base: "", openSockets: () => started?.openSockets() ?? 0 };
  beforeAll(async () => {
    started = await startOutsideOrigin();
    Object.assign(handle, { host: started.host, base: started.base });
  });
  afterAll(() => started?.close());
  return handle;
}
