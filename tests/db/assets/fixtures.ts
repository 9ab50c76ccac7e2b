import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createId } from "@/lib/ids";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";

/** A succeeded generation with one pending output pointing at `providerUrl`. */
export async function pendingOutput(options: {
  providerUrl: string;
  parameters?: Record<string, string | number>;
  /** The provider job behind the output (default: a Runware job with no task id, so no fresh link can be asked for). */
  job?: { provider: "kling" | "wavespeed" | "runware" | "segmind" | "fal"; providerTaskId: string; correlationId: string };
}) {
  const { user } = await createUser();
  const team = await createTeam({ ownerId: user.id });
  const project = await createProjectRow({ teamId: team.id, createdById: user.id });
  const parameters = options.parameters ?? { prompt: "a lighthouse", aspect_ratio: "1:1", resolution: "1k", num_images: 1 };
  const generation = await db.generation.create({
    data: {
      id: createId("generation"),
      teamId: team.id,
      projectId: project.id,
      createdById: user.id,
      model: "kling-v3",
      provider: options.job?.provider ?? "runware",
      providerTaskId: options.job?.providerTaskId,
      mode: "text_to_image",
      parameters: parameters as Prisma.InputJsonObject,
      prompt: String(parameters.prompt ?? "a lighthouse"),
      aspectRatio: String(parameters.aspect_ratio ?? "1:1"),
      resolution: String(parameters.resolution ?? "1k"),
      numImages: 1,
      status: "succeeded",
      correlationId: options.job?.correlationId ?? createId("generation"),
      estimatedCostMicros: 28_000n,
    },
  });
  const output = await db.generationOutput.create({
    data: { id: createId("generationOutput"), generationId: generation.id, index: 0, providerUrl: options.providerUrl },
  });
  return { user, team, project, generation, output };
}
