import type { Server } from "node:http";
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";

// A real OpenID Connect provider (panva's oidc-provider, the engine behind several commercial IdPs) for the SSO
// tests. Its built-in development login accepts any login name; that name is used as the person's email, and one
// containing "unverified" comes back with email_verified=false.
export const OIDC_CLIENT_ID = "asset-studio-test";
export const OIDC_CLIENT_SECRET = "asset-studio-test-secret-0123456789";
export const OIDC_NAME = "Test IdP";

export async function startOidcServer(options: { port: number; appUrl: string }) {
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: [`${options.appUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: "test", use: "sig", alg: "RS256" }] },
    cookies: { keys: ["oidc-test-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: true } },
    // The login name typed into the development login becomes the account id, which oidc-provider uses as `sub`.
    async findAccount(_ctx, id) {
      const email = id.toLowerCase();
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email,
          email_verified: !email.includes("unverified"),
          name: email.split("@")[0],
        }),
      };
    },
  });
  // Otherwise a provider failure shows only as an error page in the browser.
  provider.on("server_error", (_ctx, error) => console.error("[oidc-server]", error));
  // Why the provider refused a code exchange (redirect_uri or PKCE mismatch, …); it only tells the client "invalid_grant".
  provider.on("grant.error", (_ctx, error) => console.error("[oidc-server] grant refused:", error.error_detail ?? error.message));
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(options.port, "127.0.0.1", () => resolve(s));
  });
  return {
    issuer,
    env: {
      AUTH_OIDC_ISSUER: issuer,
      AUTH_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
      AUTH_OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET,
      AUTH_OIDC_NAME: OIDC_NAME,
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
