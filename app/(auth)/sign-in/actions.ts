"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { AppError, zodFields } from "@/lib/errors";

export type SignInState = { error?: string; fields?: Record<string, string>; email?: string };

const input = z.object({
  email: z.email("Enter the email address you signed up with."),
  password: z.string().min(1, "Enter your password."),
});

export async function signInAction(_: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const parsed = input.safeParse({ email: email.trim(), password: form.get("password") ?? "" });
  if (!parsed.success) return { fields: zodFields(parsed.error), email };
  let session;
  try {
    session = await signInWithPassword(parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, email };
    throw error;
  }
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, session.sessionToken, { ...cookie.options, expires: session.expires });
  redirect("/");
}
