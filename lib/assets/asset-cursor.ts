import { AppError } from "@/lib/errors";

// The gallery's keyset position: the last row's sort key. Opaque to clients (base64url JSON) so its shape can change;
// it names its sort so a cursor from one order is refused in another instead of silently skipping rows.
export type AssetSort = "newest" | "oldest" | "rating";
export type AssetCursor = { sort: AssetSort; createdAt: Date; id: string; rating: number };

export function encodeAssetCursor(cursor: AssetCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.createdAt.toISOString(), cursor.id, cursor.rating])).toString("base64url");
}

export function decodeAssetCursor(value: string, sort: AssetSort): AssetCursor {
  try {
    const [s, t, id, rating] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    const createdAt = new Date(String(t));
    if (s === sort && typeof id === "string" && Number.isInteger(rating) && !Number.isNaN(createdAt.getTime())) {
      return { sort, createdAt, id, rating: rating as number };
    }
  } catch {
    // falls through to the one error below
  }
  throw new AppError("validation_failed", "The cursor is not valid for this listing.", { fields: { cursor: "invalid or from another sort order" } });
}
