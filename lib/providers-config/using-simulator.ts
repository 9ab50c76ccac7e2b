import { env } from "@/lib/env";

/** True when no provider has real keys configured, so every generation goes to the simulator. */
export function usingSimulator(): boolean {
  const e = env();
  const anyKey = e.KLING_ACCESS_KEY || e.WAVESPEED_API_KEY || e.RUNWARE_API_KEY || e.SEGMIND_API_KEY || e.FAL_KEY;
  return !anyKey;
}
