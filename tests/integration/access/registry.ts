import type { World } from "./world";

// What the route guard can't infer from the file system. Each entry says why; everything not listed is assumed to be
// a team-scoped route or action that must refuse every attacker.

/** Routes anyone may call. Keyed "METHOD /template". */
export const PUBLIC_ROUTES: Record<string, string> = {
  "GET /api/health": "health check for load balancers; reveals component status only, no data",
  "GET /api/auth/[...nextauth]": "Auth.js endpoints (sign-in pages, magic-link and OIDC callbacks): they establish credentials",
  "POST /api/auth/[...nextauth]": "Auth.js endpoints (sign-in, sign-out with its own CSRF token)",
  "POST /api/webhooks/[provider]": "provider webhooks authenticate by signature or per-job token, not by session",
  "GET /api/webhooks/[provider]": "provider webhook verification probes authenticate by signature, not by session",
  "GET /api/v1/openapi.json": "the API's OpenAPI description: request/response shapes, no data",
  "GET /api/metrics":
    "deployment-wide Prometheus metrics for operators: authenticated by METRICS_TOKEN, not a session (404 without the setting, 401 for a wrong token; tests/integration/foundation/metrics.test.ts)",
  "GET /api/[...path]": "the catch-all for unknown API paths: answers 404 JSON to everyone, touches nothing",
  "HEAD /api/[...path]": "the catch-all for unknown API paths: answers 404 JSON to everyone, touches nothing",
  "POST /api/[...path]": "the catch-all for unknown API paths: answers 404 JSON to everyone, touches nothing",
  "PUT /api/[...path]": "the catch-all for unknown API paths: answers 404 JSON to everyone, touches nothing",
  "PATCH /api/[...path]": "the catch-all for unknown API paths: answers 404 JSON to everyone, touches nothing",
  "DELETE /api/[...path]": "the catch-all for unknown API paths: answers 404 JSON to everyone, touches nothing",
  "OPTIONS /api/[...path]": "the catch-all for unknown API paths: answers 404 JSON to everyone, touches nothing",
};

/**
 * Public, token-checked: the client share pages' routes (app/s/[token]/…). The token in the URL (plus the unlock
 * cookie for a password) is the only credential; sessions and API keys mean nothing there. The guard calls each with
 * a well-formed token that is not a share link's (the invitation's) as every attacker and as the victim's owner:
 * each must answer 404 and write nothing. tests/integration/share/share-links.test.ts covers real links.
 */
export const TOKEN_ROUTES: Record<string, string> = {
  "POST /s/[token]/unlock": "checks a share link's password (rate-limited; a wrong password answers like a missing link)",
  "GET /s/[token]/assets": "the next page of the link's own set, as the share page scrolls (a page fetch is not a view)",
  "GET /s/[token]/assets/[assetId]/image": "redirects to an image of the link's own set",
  "GET /s/[token]/assets/[assetId]/download": "counts a download of an image of the link's set when the link allows downloads",
  "POST /s/[token]/assets/[assetId]/approval": "a client's approve/reject through a link that allows it, attributed to the name they give",
  "POST /s/[token]/assets/[assetId]/comments": "a client's comment through a link that allows it, attributed to the name they give",
};

/**
 * Routes that act on the caller's own account rather than a team (so "another team" has no meaning): they must still
 * refuse anyone without valid credentials.
 */
export const SELF_ROUTES: Record<string, string> = {
  "GET /api/v1/me": "the caller's own profile and team list",
  "GET /api/v1/teams": "the caller's own team list",
  "POST /api/v1/teams": "creates a new team owned by the caller; touches no existing team",
  "GET /api/v1/me/notifications": "the caller's own notifications (rows of theirs only; none of a team they have left)",
  "POST /api/v1/me/notifications/read": "marks the caller's own notifications read; touches no one else's rows",
};

/** Team-scoped writes a viewer (and a read-only key, as far as the route lets keys in) may legitimately make. */
export const VIEWER_MAY_WRITE: Record<string, string> = {
  "POST /api/v1/teams/[teamId]/leave": "any member may leave a team",
  "POST /api/v1/projects/[projectId]/assets/zip": "a read sent as POST (500 ids don't fit a URL): any member may download the project's images",
  "POST /api/v1/teams/[teamId]/prompts/enhance": "a pure computation sent as POST (the prompt may be long): any member may ask for the built-in enhancer's suggestion; it stores nothing",
};

/** Valid request bodies, so a refusal proves the guard and not the validator. Default is `{}`. */
export const ROUTE_BODIES: Record<string, (w: World) => unknown> = {
  "PATCH /api/v1/teams/[teamId]": () => ({ name: "Pwned" }),
  "PUT /api/v1/teams/[teamId]/default-provider": () => ({ provider: "fal" }),
  "POST /api/v1/teams/[teamId]/transfer-ownership": (w) => ({ userId: w.SEGMENTS.userId }),
  "PATCH /api/v1/teams/[teamId]/members/[userId]": () => ({ role: "admin" }),
  "POST /api/v1/teams/[teamId]/invitations": () => ({ email: "attacker@example.test", role: "admin" }),
  "POST /api/v1/teams/[teamId]/api-keys": () => ({ name: "stolen", access: "read_write" }),
  "PUT /api/v1/teams/[teamId]/credentials/[provider]": () => ({ accessKey: "sim-kling-access", secretKey: "sim-kling-secret" }),
  "POST /api/v1/teams/[teamId]/projects": () => ({ name: "Sneaky" }),
  "PATCH /api/v1/teams/[teamId]/projects/[projectId]": () => ({ name: "Renamed", restricted: true }),
  "POST /api/v1/teams/[teamId]/projects/[projectId]/members": (w) => ({ userId: w.SEGMENTS.userId }),
  "PUT /api/v1/projects/[projectId]/budget": () => ({ period: "monthly", hardLimitMicros: 1 }),
  "PUT /api/v1/teams/[teamId]/spend-caps": (w) => ({ userId: w.SEGMENTS.userId, hardLimitMicros: 1 }),
  "PUT /api/v1/teams/[teamId]/spend-alert-settings": () => ({
    channels: { studio: { thresholds: [], limitKinds: [] }, email: { thresholds: [], limitKinds: [] }, webhook: { thresholds: [100], limitKinds: ["team_limit"] } },
    webhookUrl: "https://attacker.example.test/hook",
  }),
  "PATCH /api/v1/assets/[assetId]": () => ({ favourite: true, rating: 5, approvalStatus: "approved" }),
  "POST /api/v1/assets/[assetId]/tags": () => ({ add: ["pwned"], remove: ["hero"] }),
  "POST /api/v1/projects/[projectId]/assets/bulk": (w) => ({ action: "delete", assetIds: [w.SEGMENTS.assetId] }),
  "POST /api/v1/projects/[projectId]/assets/zip": (w) => ({ assetIds: [w.SEGMENTS.assetId] }),
  "POST /api/v1/assets/[assetId]/comments": () => ({ body: "pwned" }),
  "POST /api/v1/projects/[projectId]/collections": () => ({ name: "Pwned" }),
  "PATCH /api/v1/collections/[collectionId]": () => ({ name: "Pwned" }),
  "POST /api/v1/collections/[collectionId]/assets": (w) => ({ add: [w.SEGMENTS.assetId] }),
  "POST /api/v1/me/notifications/read": (w) => ({ teamId: w.team.id }),
  "POST /api/v1/teams/[teamId]/elements": (w) => ({ name: "Stolen", kind: "character", frontal: { assetId: w.SEGMENTS.assetId } }),
  "PATCH /api/v1/teams/[teamId]/elements/[elementId]": () => ({ name: "Pwned" }),
  "POST /api/v1/teams/[teamId]/elements/[elementId]/archive": () => ({ archived: true }),
  "POST /api/v1/teams/[teamId]/prompts": (w) => ({ name: "Stolen", text: "a {thing}", projectId: w.project.id }),
  "PATCH /api/v1/teams/[teamId]/prompts/[promptId]": () => ({ name: "Pwned" }),
  "POST /api/v1/teams/[teamId]/prompts/enhance": () => ({ prompt: "a red sneaker" }),
  "POST /api/v1/teams/[teamId]/prompts/provider-enhance": () => ({ provider: "runware", prompt: "a red sneaker" }),
  "POST /api/v1/projects/[projectId]/uploads": () => ({ contentType: "image/png", bytes: 1000 }),
  "POST /s/[token]/unlock": () => ({ password: "a guess" }),
  "POST /s/[token]/assets/[assetId]/approval": () => ({ name: "Mallory", status: "approved" }),
  "POST /s/[token]/assets/[assetId]/comments": () => ({ name: "Mallory", body: "pwned" }),
};

export type ActionSpec = {
  /** team: names a team or project in its arguments; self: acts on the caller's own account; token: an invitation token is the credential; public: anyone. */
  scope: "team" | "self" | "token" | "public";
  /** Arguments bound with .bind() on the page (ids), sent before the rest. */
  bound?: (w: World) => unknown[];
  /** Called through useActionState, i.e. with (previousState, formData). Default true when there is a form. */
  state?: boolean;
  /** The FormData the page's form would send; omit for actions called without a form. */
  form?: (w: World) => Record<string, string>;
  viewerMay?: string;
  reason?: string;
};

const team = (fields: (w: World) => Record<string, string>, extra: Partial<ActionSpec> = {}): ActionSpec => ({
  scope: "team",
  form: (w) => ({ teamId: w.team.id, ...fields(w) }),
  ...extra,
});
const project = (fields: (w: World) => Record<string, string>): ActionSpec => ({
  scope: "team",
  form: (w) => ({ projectId: w.project.id, ...fields(w) }),
});

/** Every exported server action, keyed "file#export". An action missing here fails the suite. */
export const ACTIONS: Record<string, ActionSpec> = {
  "app/(auth)/sign-in/actions.ts#signInAction": { scope: "public", reason: "signing in (password or magic link) is how credentials are obtained" },
  "app/(auth)/sign-in/actions.ts#signInWithSsoAction": { scope: "public", reason: "starts the OIDC sign-in redirect; establishes credentials" },
  "app/(studio)/actions.ts#signOutAction": { scope: "self", state: false, form: () => ({}) },
  "app/(studio)/account/actions.ts#signOutEverywhereAction": { scope: "self", state: false },

  "app/(studio)/projects/[projectId]/actions.ts#generateAction": {
    scope: "team",
    bound: (w) => [w.project.id],
    form: () => ({ model: "kling-v3", mode: "text-to-image", prompt: "a red bicycle", aspect_ratio: "1:1", n: "1" }),
  },

  "app/(studio)/settings/team-actions.ts#switchTeamAction": team(() => ({}), { viewerMay: "any member may switch to a team they belong to" }),
  "app/(studio)/settings/team-actions.ts#createTeamAction": { scope: "self", form: () => ({ name: "Attacker team" }) },
  "app/(studio)/settings/team-actions.ts#renameTeamAction": team(() => ({ name: "Pwned" })),
  "app/(studio)/settings/team-actions.ts#leaveTeamAction": team(() => ({}), { viewerMay: "any member may leave a team" }),
  "app/(studio)/settings/team-actions.ts#transferOwnershipAction": team((w) => ({ userId: w.SEGMENTS.userId! })),

  "app/(studio)/settings/members/actions.ts#inviteMemberAction": team(() => ({ email: "attacker@example.test", role: "admin" })),
  "app/(studio)/settings/members/actions.ts#revokeInvitationAction": team((w) => ({ invitationId: w.SEGMENTS.invitationId! })),
  "app/(studio)/settings/members/actions.ts#changeRoleAction": team((w) => ({ userId: w.SEGMENTS.userId!, role: "admin" })),
  "app/(studio)/settings/members/actions.ts#removeMemberAction": team((w) => ({ userId: w.SEGMENTS.userId! })),

  "app/(studio)/settings/providers/actions.ts#saveCredentialAction": team(() => ({ provider: "kling", accessKey: "sim-kling-access", secretKey: "sim-kling-secret" })),
  "app/(studio)/settings/providers/actions.ts#deleteCredentialAction": team(() => ({ provider: "kling" })),
  "app/(studio)/settings/providers/actions.ts#setDefaultProviderAction": team(() => ({ provider: "fal" })),

  "app/(studio)/settings/api-keys/actions.ts#createApiKeyAction": team(() => ({ name: "stolen", access: "read_write" })),
  "app/(studio)/settings/api-keys/actions.ts#revokeApiKeyAction": team((w) => ({ apiKeyId: w.SEGMENTS.apiKeyId! })),

  "app/(studio)/projects/actions.ts#createProjectAction": team(() => ({ name: "Sneaky", description: "", monthlyBudgetUsd: "" })),
  "app/(studio)/projects/actions.ts#renameProjectAction": project(() => ({ name: "Renamed" })),
  "app/(studio)/projects/actions.ts#setProjectArchivedAction": project(() => ({ archived: "true" })),

  "app/(studio)/projects/[projectId]/settings/actions.ts#updateProjectAction": project(() => ({ name: "Renamed", description: "x" })),
  "app/(studio)/projects/[projectId]/settings/actions.ts#setProjectFlagsAction": project(() => ({ flag: "restricted", value: "true" })),
  "app/(studio)/projects/[projectId]/settings/actions.ts#addProjectMemberAction": project((w) => ({ userId: w.SEGMENTS.userId! })),
  "app/(studio)/projects/[projectId]/settings/actions.ts#removeProjectMemberAction": project((w) => ({ userId: w.SEGMENTS.userId! })),
  "app/(studio)/projects/[projectId]/settings/actions.ts#setProjectBudgetAction": project(() => ({ softUsd: "", hardUsd: "1" })),

  "app/(studio)/settings/spend-limits/actions.ts#setTeamLimitAction": team(() => ({ softUsd: "", hardUsd: "1" })),
  "app/(studio)/settings/spend-limits/actions.ts#setMemberCapAction": team((w) => ({ userId: w.SEGMENTS.userId!, projectId: "", hardUsd: "1" })),
  "app/(studio)/settings/spend-limits/actions.ts#removeMemberCapAction": team((w) => ({ userId: w.SEGMENTS.userId!, projectId: "" })),
  "app/(studio)/settings/spend-limits/alert-actions.ts#saveAlertChannelsAction": team(() => ({ "webhook.threshold": "100", "webhook.kind": "team_limit" })),
  "app/(studio)/settings/spend-limits/alert-actions.ts#saveWebhookAction": team(() => ({ webhookUrl: "https://attacker.example.test/hook" })),
  "app/(studio)/settings/spend-limits/alert-actions.ts#rotateWebhookSecretAction": team(() => ({})),
  "app/(studio)/settings/spend-limits/alert-actions.ts#sendTestWebhookAction": team(() => ({})),

  "app/(studio)/projects/[projectId]/review/actions.ts#setApprovalAction": { scope: "team", form: (w) => ({ assetId: w.SEGMENTS.assetId!, status: "approved" }) },
  "app/(studio)/projects/[projectId]/review/actions.ts#addCommentAction": { scope: "team", form: (w) => ({ assetId: w.SEGMENTS.assetId!, body: "pwned" }) },
  "app/(studio)/projects/[projectId]/review/actions.ts#deleteCommentAction": { scope: "team", form: (w) => ({ assetId: w.SEGMENTS.assetId!, commentId: w.SEGMENTS.commentId! }) },
  "app/(studio)/projects/[projectId]/collections/actions.ts#createCollectionAction": project(() => ({ name: "Sneaky", kind: "manual" })),
  "app/(studio)/projects/[projectId]/collections/actions.ts#renameCollectionAction": { scope: "team", form: (w) => ({ collectionId: w.SEGMENTS.collectionId!, name: "Pwned" }) },
  "app/(studio)/projects/[projectId]/collections/actions.ts#deleteCollectionAction": { scope: "team", form: (w) => ({ collectionId: w.SEGMENTS.collectionId! }) },
  "app/(studio)/projects/[projectId]/collections/actions.ts#removeFromCollectionAction": { scope: "team", form: (w) => ({ collectionId: w.SEGMENTS.collectionId!, assetId: w.SEGMENTS.assetId! }) },
  "app/(studio)/projects/[projectId]/collections/actions.ts#addToCollectionAction": { scope: "team", form: (w) => ({ collectionId: w.SEGMENTS.collectionId!, assetId: w.SEGMENTS.assetId! }) },
  "app/(studio)/projects/[projectId]/share-links/actions.ts#createShareLinkAction": project((w) => ({ name: "Leak", expiresInDays: "7", allowDownload: "on", assetId: w.SEGMENTS.assetId! })),
  "app/(studio)/projects/[projectId]/share-links/actions.ts#revokeShareLinkAction": project((w) => ({ shareLinkId: w.SEGMENTS.shareLinkId! })),
  "app/(studio)/notifications/actions.ts#markNotificationsReadAction": team(() => ({}), { viewerMay: "marks the caller's own notifications read: any member may" }),

  "app/(studio)/elements/actions.ts#createElementAction": team((w) => ({ name: "Stolen", kind: "character", frontal: JSON.stringify({ assetId: w.SEGMENTS.assetId }) })),
  "app/(studio)/elements/actions.ts#updateElementAction": team((w) => ({ elementId: w.SEGMENTS.elementId!, name: "Pwned" })),
  "app/(studio)/elements/actions.ts#archiveElementAction": team((w) => ({ elementId: w.SEGMENTS.elementId!, archived: "true" })),

  "app/(studio)/prompts/actions.ts#savePromptAction": team(() => ({ name: "Stolen", text: "a {thing}" })),
  "app/(studio)/prompts/actions.ts#deletePromptAction": team((w) => ({ promptId: w.SEGMENTS.promptId! })),

  // The real token is for someone else's address: a signed-in stranger must be refused (forbidden), nobody else gets in.
  "app/invite/[token]/actions.ts#acceptInvitationAction": { scope: "token", form: (w) => ({ token: w.invitationToken }) },
  // With a real token this creates the invited account by design; a made-up token must create nothing.
  "app/invite/[token]/actions.ts#acceptInvitationAsNewUserAction": {
    scope: "token",
    form: () => ({ token: "not-a-real-invitation-token", name: "Mallory", password: "a long enough password" }),
  },
};
