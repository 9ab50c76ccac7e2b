import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { createApiKey } from "@/lib/api-keys/create-api-key";

/** A team with a project and read-write API keys (one per 120 submissions a minute, the per-key limit). */
export async function benchTeam(options: { keys: number; name: string }) {
  const { user } = await createUser();
  const team = await createTeam({ ownerId: user.id, name: `Bench ${options.name}` });
  const project = await createProjectRow({ teamId: team.id, name: options.name, createdById: user.id });
  const access = { teamId: team.id, role: "owner" as const, caller: { kind: "user" as const, userId: user.id }, actorUserId: user.id };
  const keys: string[] = [];
  for (let i = 0; i < options.keys; i++) {
    const { key } = await createApiKey({ access, input: { name: `bench ${options.name} ${i}`, access: "read_write", projectIds: [] } });
    keys.push(key);
  }
  return { user, team, project, keys };
}

/** The request body every benchmark submits: Kling V3 text-to-image on WaveSpeed (the provider that signs webhooks). */
export function generationRequest(options: { prompt: string; numImages?: number; resolution?: "1k" | "2k" }) {
  return {
    provider: "wavespeed",
    model: "kling-v3",
    mode: "text-to-image",
    parameters: { prompt: options.prompt, aspect_ratio: "3:2", resolution: options.resolution ?? "1k", num_images: options.numImages ?? 1 },
  };
}
