import { env } from "@/lib/env";

// Auth.js reads the database session from this cookie; the name must match its own choice
// (`__Secure-` prefix when the app is served over https). lib/auth/auth.ts passes `secure` to Auth.js as
// useSecureCookies, so both decide from APP_URL and can't disagree.
export function sessionCookie() {
  const secure = env().APP_URL.startsWith("https://");
  return {
    name: `${secure ? "__Secure-" : ""}authjs.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
