import { env } from "@/lib/env";

/** True when the stack pointed the providers at the simulator (it sets SIMULATOR_URL with their URLs and keys). */
export function usingSimulator(): boolean {
  return Boolean(env().SIMULATOR_URL);
}
