import { createHmac, timingSafeEqual } from "node:crypto";
import { KLING_ACCESS_KEY, KLING_SECRET_KEY } from "../../credentials";
import type { Ctx, Reply } from "../../core/types";
import { klingError } from "./errors";

// Kling's token: HS256 JWT with iss = access key, exp, nbf, signed with the secret key (providers.md §1.1).
// Each failure maps to its own business code: 1001 empty, 1002 invalid, 1003 not yet valid, 1004 expired.
const decodeJson = (part: string): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

export function verifyKlingToken(authorization: string | undefined, nowSeconds = Date.now() / 1000): Reply | null {
  if (!authorization?.trim()) return klingError(401, 1001, "Authorization is empty");
  const token = /^Bearer\s+(.+)$/i.exec(authorization.trim())?.[1];
  const parts = token?.split(".");
  if (!parts || parts.length !== 3) return klingError(401, 1002, "Authorization is invalid");
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  const payload = decodeJson(payloadPart);
  if (!header || !payload || header.alg !== "HS256") return klingError(401, 1002, "Authorization is invalid");
  // An unknown access key is an authentication failure, not a malformed token.
  if (payload.iss !== KLING_ACCESS_KEY) return klingError(401, 1000, "Authentication failed: unknown access key");
  const expected = createHmac("sha256", KLING_SECRET_KEY).update(`${headerPart}.${payloadPart}`).digest();
  const given = Buffer.from(signaturePart, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return klingError(401, 1002, "Authorization is invalid: signature verification failed");
  }
  if (typeof payload.nbf === "number" && payload.nbf > nowSeconds) {
    return klingError(401, 1003, "Authorization is not yet valid");
  }
  if (typeof payload.exp !== "number" || payload.exp <= nowSeconds) {
    return klingError(401, 1004, "Authorization has expired");
  }
  return null;
}

export const authenticateKling = (ctx: Ctx): Reply | null => verifyKlingToken(ctx.req.headers.authorization);
