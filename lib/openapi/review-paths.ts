import { z } from "zod";
import { addCommentInput } from "@/lib/review/comment-schemas";
import { listNotificationsQuery, markNotificationsReadInput } from "@/lib/review/notification-schemas";
import { collectAssetsInput, createCollectionInput, smartFilter, updateCollectionInput } from "@/lib/collections/collection-schemas";

// Review (comments, decisions' history, notifications) and collections in the OpenAPI document (build-openapi.ts
// merges them in). Request bodies are the zod schemas the routes parse with.
const input = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
const output = (s: z.ZodType) => z.toJSONSchema(s, { io: "output", unrepresentable: "any" });
const queryOf = (s: z.ZodType) =>
  Object.entries((input(s) as { properties: Record<string, unknown> }).properties).map(([name, p]) => ({ name, in: "query", required: false, schema: p }));
const params = (...names: string[]) => names.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
const json = (ref: string) => ({ content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });

const person = z.object({ id: z.string(), name: z.string().nullable(), email: z.string() });
const comment = z.object({
  id: z.string(),
  assetId: z.string(),
  parentId: z.string().nullable().describe("the top-level comment this replies to"),
  author: person.nullable().describe("null for a client's comment through a share link"),
  guestName: z.string().nullable().describe("the name a client gave when commenting through a share link"),
  body: z.string().describe("empty once deleted"),
  mentions: z.array(z.object({ id: z.string(), email: z.string() })),
  createdAt: z.string(),
  deleted: z.boolean(),
});
const reviewEvent = z.object({ id: z.string(), from: z.string(), to: z.string(), actor: person.nullable(), guestName: z.string().nullable().describe("a client deciding through a share link"), viaApiKey: z.boolean(), at: z.string() });
const notification = z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string(), href: z.string(), read: z.boolean(), createdAt: z.string() });
const collection = z.object({
  id: z.string(),
  projectId: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  smart: z.boolean(),
  filter: smartFilter.nullable(),
  assetCount: z.number().int().nullable().describe("null for a smart collection: it is whatever matches its query now"),
  createdAt: z.string(),
});

export const reviewSchemas = {
  Comment: output(comment),
  CommentList: output(z.object({ data: z.array(comment) })),
  AddComment: input(addCommentInput),
  ReviewHistory: output(z.object({ data: z.array(reviewEvent) })),
  NotificationList: output(z.object({ data: z.array(notification), unread: z.number().int() })),
  MarkNotificationsRead: input(markNotificationsReadInput),
  Collection: output(collection),
  CollectionList: output(z.object({ data: z.array(collection) })),
  CreateCollection: input(createCollectionInput),
  UpdateCollection: input(updateCollectionInput),
  CollectAssets: input(collectAssetsInput),
};

export function reviewPaths(errors: Record<string, unknown>) {
  return {
    "/api/v1/assets/{assetId}/comments": {
      get: { summary: "The image's comments, oldest first (replies name their parent)", parameters: params("assetId"), responses: { 200: { description: "Comments", ...json("CommentList") }, ...errors } },
      post: {
        summary: "Comment or reply (editor and above); `@email` mentions notify those members",
        description: "A mention of anyone who is not a member able to see the project is a 422 naming them. Replies go to a top-level comment (one level of threading).",
        parameters: params("assetId"),
        requestBody: json("AddComment"),
        responses: { 201: { description: "The comment", ...json("Comment") }, ...errors },
      },
    },
    "/api/v1/assets/{assetId}/comments/{commentId}": {
      delete: { summary: "Delete a comment (its author or a project manager); replies stay", parameters: params("assetId", "commentId"), responses: { 200: { description: "{ id, deleted }" }, ...errors } },
    },
    "/api/v1/assets/{assetId}/review-history": {
      get: { summary: "Every change of the image's approval status: who, from, to, when (newest first)", parameters: params("assetId"), responses: { 200: { description: "History", ...json("ReviewHistory") }, ...errors } },
    },
    "/api/v1/me/notifications": {
      get: { summary: "Your notifications in one of your teams, and how many are unread (session only)", parameters: queryOf(listNotificationsQuery), responses: { 200: { description: "Notifications", ...json("NotificationList") }, ...errors } },
    },
    "/api/v1/me/notifications/read": {
      post: { summary: "Mark your notifications read: the ids given, or all of the team's", requestBody: json("MarkNotificationsRead"), responses: { 200: { description: "{ updated }" }, ...errors } },
    },
    "/api/v1/projects/{projectId}/collections": {
      get: { summary: "The project's collections (each top-level one followed by those inside it)", parameters: params("projectId"), responses: { 200: { description: "Collections", ...json("CollectionList") }, ...errors } },
      post: {
        summary: "Create a hand-picked or smart collection (editor and above)",
        description: "With `filter` (the gallery's filters), a smart collection: `GET …/assets?collection=<id>` lists what matches it now.",
        parameters: params("projectId"),
        requestBody: json("CreateCollection"),
        responses: { 201: { description: "The collection", ...json("Collection") }, ...errors },
      },
    },
    "/api/v1/collections/{collectionId}": {
      patch: { summary: "Rename, move in or out of a top-level collection, or re-save a smart query", parameters: params("collectionId"), requestBody: json("UpdateCollection"), responses: { 200: { description: "The collection", ...json("Collection") }, ...errors } },
      delete: { summary: "Delete it and the collections inside it; the images stay", parameters: params("collectionId"), responses: { 200: { description: "{ id, deleted }" }, ...errors } },
    },
    "/api/v1/collections/{collectionId}/assets": {
      post: { summary: "Add and remove images of the collection's project (hand-picked collections)", parameters: params("collectionId"), requestBody: json("CollectAssets"), responses: { 200: { description: "{ id, assetCount }" }, ...errors } },
    },
  };
}
