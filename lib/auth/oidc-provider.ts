import type { OIDCConfig } from "next-auth/providers";
import { env } from "@/lib/env";

type Claims = { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string };

/** Display name for "Continue with …", or null when single sign-on is not configured. */
export function ssoName(): string | null {
  return env().AUTH_OIDC_ISSUER ? env().AUTH_OIDC_NAME : null;
}

/**
 * Generic OpenID Connect, so one configuration shape covers Google Workspace, Okta, Keycloak and the rest.
 * Email-based linking onto an existing account is switched on here, and made safe by the signIn callback
 * (lib/auth/authorize-sign-in.ts), which refuses unless the provider says the email is verified.
 */
export function oidcProvider(): OIDCConfig<Claims> | null {
  const { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_CLIENT_ID: clientId, AUTH_OIDC_CLIENT_SECRET: clientSecret } = env();
  if (!issuer) return null;
  return {
    id: "oidc",
    name: env().AUTH_OIDC_NAME,
    type: "oidc",
    issuer,
    clientId,
    clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
    // Some providers (Okta among them) keep email claims out of the ID token; userinfo always has them.
    idToken: false,
    allowDangerousEmailAccountLinking: true,
    // Pins the redirect URI to APP_URL, the one registered with the provider. Otherwise Auth.js derives it from each
    // request, and Next reports route-handler URLs with loopback hosts renamed "localhost", so the callback would
    // present a different redirect URI than the sign-in did and the provider would refuse the code.
    redirectProxyUrl: new URL("/api/auth", env().APP_URL).toString(),
    profile(claims) {
      return {
        id: claims.sub,
        email: claims.email?.toLowerCase() ?? null,
        name: claims.name ?? claims.preferred_username ?? null,
      };
    },
  };
}
