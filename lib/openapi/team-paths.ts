import { z } from "zod";
import { createTeamInput, defaultProviderInput, inviteInput, invitationDto, memberDto, renameTeamInput, roleInput, teamDto, transferOwnershipInput } from "@/lib/teams/team-schemas";
import { apiKeyDto, createApiKeyInput } from "@/lib/api-keys/api-key-schemas";
import { credentialStatusDto } from "@/lib/credentials/credential-schemas";
import { PROVIDER_SECRET_SCHEMAS } from "@/lib/credentials/provider-secrets";
import { projectMemberInput, updateProjectInput } from "@/lib/projects/project-settings-schemas";
import { auditQuery } from "@/lib/audit/list-audit-events";
import { ROLES } from "@/lib/teams/team-schemas";

// The account and team-administration operations of the OpenAPI document (build-openapi.ts merges them in): the
// request bodies and response DTOs are the zod schemas their routes parse with and answer through.
const input = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
const output = (s: z.ZodType) => z.toJSONSchema(s, { io: "output", unrepresentable: "any" });
const page = (s: z.ZodType) => z.object({ data: z.array(s) });
const ok = z.object({ ok: z.literal(true) });
const okRevoked = z.object({ ok: z.literal(true), revokedKeys: z.number().int().describe("API keys of the person that were revoked with it") });

export const teamSchemas = {
  Team: output(teamDto),
  TeamWithRole: output(teamDto.extend({ role: z.enum(ROLES) })),
  TeamList: output(page(teamDto.extend({ role: z.enum(ROLES) }))),
  CreateTeam: input(createTeamInput),
  RenameTeam: input(renameTeamInput),
  SetDefaultProvider: input(defaultProviderInput),
  Member: output(memberDto),
  MemberList: output(page(memberDto)),
  ChangeRole: input(roleInput),
  TransferOwnership: input(transferOwnershipInput),
  Invitation: output(invitationDto),
  InvitationList: output(page(invitationDto)),
  CreatedInvitation: output(
    invitationDto.extend({ emailed: z.boolean(), inviteUrl: z.string().optional().describe("only when the email could not be sent: hand the link over yourself") }),
  ),
  Invite: input(inviteInput),
  ApiKey: output(apiKeyDto),
  ApiKeyList: output(page(apiKeyDto)),
  CreatedApiKey: output(apiKeyDto.extend({ key: z.string().describe("the full key, shown only in this response") })),
  CreateApiKey: input(createApiKeyInput),
  CredentialStatusList: output(page(credentialStatusDto)),
  ProviderSecrets: { oneOf: Object.values(PROVIDER_SECRET_SCHEMAS).map(input), description: "The provider's key material (its shape depends on :provider)" },
  SavedCredential: output(z.object({ provider: z.string(), last4: z.string(), checkedAt: z.string().nullable() })),
  UpdateProject: input(updateProjectInput),
  ProjectMember: input(projectMemberInput),
  ProjectMemberList: output(page(z.object({ userId: z.string(), email: z.string(), name: z.string().nullable(), addedAt: z.string() }))),
  AuditEventPage: output(
    z.object({
      data: z.array(
        z.object({
          id: z.string(),
          action: z.string(),
          actor: z.object({ userId: z.string().nullable(), email: z.string().nullable(), apiKeyId: z.string().nullable() }),
          targetType: z.string().nullable(),
          targetId: z.string().nullable(),
          metadata: z.unknown(),
          createdAt: z.string(),
        }),
      ),
      nextCursor: z.string().nullable(),
    }),
  ),
  Ok: output(ok),
  OkRevoked: output(okRevoked),
  Me: output(z.object({ user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }), teams: page(teamDto.extend({ role: z.enum(ROLES) })).shape.data })),
};

type Ref = keyof typeof teamSchemas | "Project";
const ref = (name: Ref) => ({ content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } });
const params = (...names: string[]) => names.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));

/** `errors` is the document's shared error responses; `sessionOnly` marks operations an API key cannot call. */
export function teamPaths(errors: Record<string, unknown>) {
  const sessionOnly = "Session only: an API key gets 401.";
  const op = (summary: string, parameters: unknown[], responses: Record<number, unknown>, body?: Ref, description?: string) => ({
    summary,
    ...(description ? { description } : {}),
    parameters,
    ...(body ? { requestBody: { required: true, ...ref(body) } } : {}),
    responses: { ...Object.fromEntries(Object.entries(responses).map(([status, r]) => [status, typeof r === "string" ? { description: "OK", ...ref(r as Ref) } : r])), ...errors },
  });
  const team = params("teamId");
  return {
    "/api/v1/me": { get: op("The signed-in person and their teams", [], { 200: "Me" }, undefined, sessionOnly) },
    "/api/v1/teams": {
      get: op("The teams the signed-in person belongs to", [], { 200: "TeamList" }, undefined, sessionOnly),
      post: op("Create a team owned by the signed-in person", [], { 201: "Team" }, "CreateTeam", sessionOnly),
    },
    "/api/v1/teams/{teamId}": {
      get: op("The team and the caller's role in it", team, { 200: "TeamWithRole" }),
      patch: op("Rename the team", team, { 200: "Team" }, "RenameTeam"),
    },
    "/api/v1/teams/{teamId}/default-provider": {
      put: op("Set (or clear, with null) the provider used when a request names none", team, { 200: "Team" }, "SetDefaultProvider"),
    },
    "/api/v1/teams/{teamId}/leave": { post: op("Leave the team (never the last owner)", team, { 200: "OkRevoked" }) },
    "/api/v1/teams/{teamId}/transfer-ownership": {
      post: op("Make another member the owner; the caller becomes an admin", team, { 200: "Ok" }, "TransferOwnership"),
    },
    "/api/v1/teams/{teamId}/members": { get: op("The team's members and their roles", team, { 200: "MemberList" }) },
    "/api/v1/teams/{teamId}/members/{userId}": {
      patch: op("Change a member's role", params("teamId", "userId"), { 200: { description: "{ userId, role }" } }, "ChangeRole"),
      delete: op("Remove a member (their access ends at their next request)", params("teamId", "userId"), { 200: "OkRevoked" }),
    },
    "/api/v1/teams/{teamId}/invitations": {
      get: op("Pending invitations", team, { 200: "InvitationList" }),
      post: op("Invite an email address with a role (emails a 7-day single-use link)", team, { 201: "CreatedInvitation" }, "Invite"),
    },
    "/api/v1/teams/{teamId}/invitations/{invitationId}": {
      delete: op("Revoke a pending invitation", params("teamId", "invitationId"), { 200: "Ok" }),
    },
    "/api/v1/teams/{teamId}/api-keys": {
      get: op("The team's API keys (prefix, access, last use; never the key)", team, { 200: "ApiKeyList" }),
      post: op("Create a key; the response is the only time the full key is shown", team, { 201: "CreatedApiKey" }, "CreateApiKey"),
    },
    "/api/v1/teams/{teamId}/api-keys/{apiKeyId}": {
      delete: op("Revoke a key (requests carrying it get 401 from then on)", params("teamId", "apiKeyId"), { 200: "Ok" }),
    },
    "/api/v1/teams/{teamId}/credentials": {
      get: op("Whose key each provider uses (team key's last 4 characters, server, simulator)", team, { 200: "CredentialStatusList" }),
    },
    "/api/v1/teams/{teamId}/credentials/{provider}": {
      put: op("Save the team's own key (checked with the provider, then encrypted)", params("teamId", "provider"), { 200: "SavedCredential" }, "ProviderSecrets"),
      delete: op("Forget the team's key", params("teamId", "provider"), { 200: "Ok" }),
    },
    "/api/v1/teams/{teamId}/audit-events": {
      get: op(
        "The team's audit log, newest first",
        [...team, ...Object.entries((input(auditQuery) as { properties: Record<string, unknown> }).properties).map(([name, schema]) => ({ name, in: "query", required: false, schema }))],
        { 200: "AuditEventPage" },
      ),
    },
    "/api/v1/teams/{teamId}/projects/{projectId}": {
      patch: op("Rename, describe, archive/unarchive or restrict a project", params("teamId", "projectId"), { 200: "Project" }, "UpdateProject"),
    },
    "/api/v1/teams/{teamId}/projects/{projectId}/members": {
      get: op("The people named on a (restricted) project", params("teamId", "projectId"), { 200: "ProjectMemberList" }),
      post: op("Name a team member on the project", params("teamId", "projectId"), { 201: "Ok" }, "ProjectMember"),
    },
    "/api/v1/teams/{teamId}/projects/{projectId}/members/{userId}": {
      delete: op("Take someone off a project", params("teamId", "projectId", "userId"), { 200: "Ok" }),
    },
  };
}
