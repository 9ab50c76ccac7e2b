import { inject } from "vitest";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { newShareToken } from "@/lib/share/share-token";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { encryptSecret } from "@/lib/credentials/encryption";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { API_KEY_SCOPES } from "@/lib/api-keys/api-key-scopes";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { removeMember } from "@/lib/teams/remove-member";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { createUser } from "@/prisma/factories/create-user";
import { addMember, createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";

export type Attacker = { name: string; headers: Record<string, string>; kind: "anonymous" | "revokedKey" | "outsider" | "outsiderKey" | "removed" | "viewer" | "readKey" };

async function sessionHeaders(email: string, password: string) {
  const { sessionToken } = await signInWithPassword({ email, password });
  return { cookie: `authjs.session-token=${sessionToken}`, origin: inject("appUrl") };
}

async function member(teamId: string, role: "admin" | "editor" | "viewer") {
  const { user, password } = await createUser();
  await addMember({ teamId, userId: user.id, role });
  return { user, password };
}

/**
 * A victim team with one real row of every kind a URL can name, and the people and keys who attack it: a member of
 * another team (session and API key), a viewer, a removed admin, the team's own revoked and read-only keys, nobody.
 */
export async function buildWorld() {
  const owner = await createUser({ name: "Victim Owner" });
  const team = await createTeam({ name: "Victim Team", ownerId: owner.user.id });
  const ownerAccess = await resolveTeamAccess({ caller: { kind: "user", userId: owner.user.id }, teamId: team.id, permission: "team.manage" });
  const project = await createProjectRow({ teamId: team.id, name: "Victim project", createdById: owner.user.id });
  const editor = await member(team.id, "editor");
  const viewer = await member(team.id, "viewer");
  const removed = await member(team.id, "admin");
  await db.projectMember.create({ data: { projectId: project.id, userId: editor.user.id } });

  const readKey = await createApiKey({ access: ownerAccess, input: { name: "read", access: "read", projectIds: [] } });
  const revoked = await createApiKey({ access: ownerAccess, input: { name: "revoked", access: "read_write", projectIds: [] } });
  await revokeApiKey({ access: ownerAccess, apiKeyId: revoked.apiKey.id });
  const invitation = await createInvitation({ access: ownerAccess, input: { email: `invitee-${team.id.slice(-6).toLowerCase()}@example.test`, role: "editor" } });
  const { encrypted, keyVersion } = encryptSecret(JSON.stringify({ accessKey: "victim-access-key", secretKey: "victim-secret-key" }));
  const credential = await db.providerCredential.create({ data: { id: createId("credential"), teamId: team.id, provider: "kling", encrypted, keyVersion, last4: "-key" } });

  const generation = await db.generation.create({
    data: {
      id: createId("generation"), teamId: team.id, projectId: project.id, createdById: owner.user.id, model: "kling-v3", provider: "kling",
      mode: "text_to_image", parameters: { prompt: "a red bicycle", aspect_ratio: "1:1" }, prompt: "a red bicycle", aspectRatio: "1:1",
      resolution: "1k", numImages: 1, status: "succeeded", correlationId: createId("generation"), estimatedCostMicros: 28_000n, succeededAt: new Date(),
    },
  });
  const asset = await db.asset.create({
    data: { id: createId("asset"), teamId: team.id, projectId: project.id, generationId: generation.id, outputIndex: 0, createdById: owner.user.id,
      storageKey: `originals/${team.id}/victim.png`, width: 1024, height: 1024, bytes: 1000, format: "png", sha256: "0".repeat(64) },
  });
  const output = await db.generationOutput.create({ data: { id: createId("generationOutput"), generationId: generation.id, index: 0, providerUrl: "https://example.test/o.png", status: "ingested", assetId: asset.id } });
  const element = await db.element.create({ data: { id: createId("element"), teamId: team.id, name: "Mascot", kind: "character", createdById: owner.user.id } });
  const elementVersion = await db.elementVersion.create({ data: { id: createId("elementVersion"), elementId: element.id, version: 1, frontalImageKey: `elements/${team.id}/front.png` } });
  const prompt = await db.prompt.create({ data: { id: createId("prompt"), teamId: team.id, projectId: project.id, name: "Hero", text: "a hero shot" } });
  const tag = await db.tag.create({ data: { id: createId("tag"), teamId: team.id, name: "hero" } });
  const collection = await db.collection.create({ data: { id: createId("collection"), teamId: team.id, projectId: project.id, name: "Picks" } });
  const comment = await db.assetComment.create({ data: { id: createId("comment"), teamId: team.id, projectId: project.id, assetId: asset.id, authorId: owner.user.id, body: "Brighter, please." } });
  const shareLink = await db.shareLink.create({
    data: { id: createId("shareLink"), teamId: team.id, projectId: project.id, name: "Client picks", tokenHash: newShareToken().tokenHash, tokenEncrypted: "unused", keyVersion: 1,
      assets: { create: [{ assetId: asset.id }] } },
  });
  const budget = await db.budget.create({ data: { id: createId("budget"), projectId: project.id, period: "monthly", hardLimitMicros: 50_000_000n } });

  // Removed the way an admin removes someone, after they had signed in: their session lives on, their access must not.
  const removedHeaders = await sessionHeaders(removed.user.email, removed.password);
  await removeMember({ access: ownerAccess, userId: removed.user.id });

  const outsider = await createUser();
  const otherTeam = await createTeam({ ownerId: outsider.user.id });
  const otherAccess = await resolveTeamAccess({ caller: { kind: "user", userId: outsider.user.id }, teamId: otherTeam.id, permission: "apikey.manage" });
  // Every scope (spend, budgets, alert settings): a key's money powers are its own team's, never the victim's.
  const outsiderKey = await createApiKey({ access: otherAccess, input: { name: "outsider", access: "read_write", projectIds: [], scopes: [...API_KEY_SCOPES] } });

  /** Every dynamic segment a URL may contain, filled with the victim team's real rows. */
  const SEGMENTS: Record<string, string> = {
    teamId: team.id,
    projectId: project.id,
    userId: editor.user.id,
    memberId: editor.user.id,
    invitationId: invitation.invitation.id,
    apiKeyId: readKey.apiKey.id,
    keyId: readKey.apiKey.id,
    credentialId: credential.id,
    provider: "kling",
    generationId: generation.id,
    outputId: output.id,
    assetId: asset.id,
    elementId: element.id,
    elementVersionId: elementVersion.id,
    promptId: prompt.id,
    tagId: tag.id,
    collectionId: collection.id,
    budgetId: budget.id,
    commentId: comment.id,
    shareLinkId: shareLink.id,
    token: invitation.url.split("/").pop()!,
    // Reference uploads have no row until completed: a well-formed id of an upload that was never sent.
    uploadId: "upl_01M98K00000000000000000000",
    // The catch-all for unknown /api paths (app/api/[...path]): any path no route serves.
    path: "no-such-route",
  };

  const attackers: Attacker[] = [
    { name: "no credentials", kind: "anonymous", headers: {} },
    { name: "revoked API key of the team", kind: "revokedKey", headers: { authorization: `Bearer ${revoked.key}` } },
    { name: "owner of another team", kind: "outsider", headers: await sessionHeaders(outsider.user.email, outsider.password) },
    { name: "read-write API key of another team with every scope", kind: "outsiderKey", headers: { authorization: `Bearer ${outsiderKey.key}` } },
    { name: "removed admin (session still alive)", kind: "removed", headers: removedHeaders },
    { name: "viewer of the team", kind: "viewer", headers: await sessionHeaders(viewer.user.email, viewer.password) },
    { name: "read-only API key of the team", kind: "readKey", headers: { authorization: `Bearer ${readKey.key}` } },
  ];
  return {
    team, project, SEGMENTS, attackers,
    owner: { headers: await sessionHeaders(owner.user.email, owner.password), user: owner.user },
    invitationToken: SEGMENTS.token!,
    otherTeam,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
