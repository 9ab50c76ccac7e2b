import { SignJWT } from "jose";

// Kling's API token: a JWT signed HS256 with the secret key, iss = access key, valid for 30 minutes and from
// 5 seconds ago so small clock skew does not trip 1003 "not yet valid" (providers.md §1.1, official samples).
export async function createKlingToken(options: { accessKey: string; secretKey: string; now?: Date }): Promise<string> {
  const nowSec = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(options.accessKey)
    .setExpirationTime(nowSec + 1800)
    .setNotBefore(nowSec - 5)
    .sign(new TextEncoder().encode(options.secretKey));
}
