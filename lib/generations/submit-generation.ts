import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { createGeneration } from "@/lib/generations/create-generation";
import { rerunGeneration } from "@/lib/generations/rerun-generation";
import { startFirstSubmit } from "@/lib/generations/start-first-submit";
import type { CreateGenerationInput, RerunGenerationInput } from "@/lib/generations/generation-schemas";
import { limitSubmissions } from "@/lib/rate-limit/limit-submissions";

// The one way a caller makes a new generation, for the REST routes and the studio's actions alike: the caller's rate
// limit → create (budget, row, backstop job, in one transaction) → this process's first submit, never for a replay.

/** A new generation from a submit (POST /api/v1/projects/:projectId/generations, the studio's Generate). */
export async function submitGeneration(options: {
  access: TeamAccess;
  projectId: string;
  input: CreateGenerationInput;
  idempotencyKey?: string | null;
}) {
  // Checked alongside createGeneration's own reads rather than before them (a round trip less on every submit); it
  // settles inside createGeneration before anything is written, so a refusal writes nothing. The catch only keeps an
  // early validation error from leaving it unhandled.
  const admit = limitSubmissions(options.access.caller);
  admit.catch(() => undefined);
  const result = await createGeneration({ ...options, admit });
  if (!result.replayed) startFirstSubmit(result.generation.id);
  return result;
}

/** The same job again with optional overrides (POST /api/v1/generations/:generationId/rerun, the studio's Re-run). */
export async function submitRerun(options: {
  access: TeamAccess;
  generation: Parameters<typeof rerunGeneration>[0]["generation"];
  input: RerunGenerationInput;
  idempotencyKey?: string | null;
}) {
  await limitSubmissions(options.access.caller);
  const result = await rerunGeneration(options);
  if (!result.replayed) startFirstSubmit(result.generation.id);
  return result;
}
