// What the sign-in page says after a redirect. Auth.js sends people here with ?error=<type> when a magic link or
// single sign-on fails; the wording never says whether an account exists for an email someone typed.
const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or has already been used. Ask for a new one.",
  AccessDenied:
    "That account can't sign in here. Ask a team admin for an invitation; with single sign-on your email must also be verified by your identity provider.",
};

export function signInNotice(params: Record<string, string | string[] | undefined>) {
  const error = typeof params.error === "string" ? params.error : undefined;
  if (error) return { kind: "error" as const, text: ERRORS[error] ?? "Signing in didn't work. Try again, or use another way in." };
  if (params["signed-out"] === "everywhere") return { kind: "info" as const, text: "You are signed out on every device." };
  return null;
}
