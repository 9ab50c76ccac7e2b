import { env } from "@/lib/env";

/** When an unfinished generation is given up on and failed as timed out. */
export function generationDeadline(from = new Date()): Date {
  return new Date(from.getTime() + env().GENERATION_DEADLINE_SECONDS * 1000);
}
