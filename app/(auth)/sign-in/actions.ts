"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { consumeMagicLinkLimits } from "@/lib/auth/magic-link-limits";
import { CHECK_EMAIL_PATH } from "@/lib/auth/authorize-sign-in";
import { requestIp } from "@/lib/auth/client-ip";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { AppError, zodFields } from "@/lib/errors";
import { failed, type ActionResult, type ActionState } from "@/lib/actions/action-result";

// Next checks every server action's Origin header against Host / X-Forwarded-Host and aborts cross-site calls,
// so these need no CSRF token of their own (route handlers do the same in lib/http/authenticate.ts).

const input = z.object({
  email: z.email("Enter the email address you signed up with."),
  password: z.string().min(1, "Enter your password."),
});

// One form, two buttons: "Sign in" (password) and "Email me a sign-in link" share the email field.
export async function signInAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  if (form.get("intent") === "magic-link") return requestMagicLink(form);
  const email = String(form.get("email") ?? "");
  const parsed = input.safeParse({ email: email.trim(), password: form.get("password") ?? "" });
  if (!parsed.success) return failed("validation_failed", "Check the highlighted fields.", zodFields(parsed.error));
  let session;
  try {
    session = await signInWithPassword({ ...parsed.data, ip: await requestIp() });
  } catch (error) {
    if (error instanceof AppError) return failed(error.code, messageOf(error));
    throw error;
  }
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, session.sessionToken, { ...cookie.options, expires: session.expires });
  redirect("/");
}

/** Mails a sign-in link when the address may sign in; lands on the same "check your email" page either way. */
async function requestMagicLink(form: FormData): Promise<ActionResult<unknown>> {
  const email = String(form.get("email") ?? "").trim();
  const parsed = z.email("Enter your email address.").safeParse(email);
  if (!parsed.success) return failed("validation_failed", "Check the highlighted fields.", { email: parsed.error.issues[0]!.message });
  try {
    await consumeMagicLinkLimits({ email: parsed.data, ip: await requestIp() });
  } catch (error) {
    if (error instanceof AppError) return failed(error.code, messageOf(error));
    throw error;
  }
  await signIn("email", { email: parsed.data, redirect: false, redirectTo: "/" });
  redirect(CHECK_EMAIL_PATH);
}

/** Starts single sign-on: Auth.js answers with a redirect to the identity provider. */
export async function signInWithSsoAction() {
  await signIn("oidc", { redirectTo: "/" });
}

// A 429's Retry-After, said in words: a server action answers with a message, not a status line.
function messageOf(error: AppError): string {
  const seconds = Number(error.headers?.["Retry-After"]);
  if (error.code !== "rate_limited" || !seconds) return error.message;
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${error.message.replace(/ Try again later\.$/, "")} Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
