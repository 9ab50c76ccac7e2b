"use client";

import { ActionForm, Field, SubmitButton } from "@/app/_components/action-form";
import { Input } from "@/app/_components/ui/input";
import { signInAction } from "./actions";

// The email field serves both buttons: a password sign-in, or a one-time link mailed to that address.
export function SignInForm() {
  return (
    <ActionForm action={signInAction} aria-label="Sign in" className="grid gap-4">
      <Field id="email" name="email" label="Email">
        <Input id="email" name="email" type="email" autoComplete="email" required />
      </Field>
      <Field id="password" name="password" label="Password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <div className="mt-1 grid gap-2">
        <SubmitButton pendingLabel="Signing in…" className="w-full">Sign in</SubmitButton>
        <SubmitButton variant="secondary" name="intent" value="magic-link" pendingLabel="Sending…" className="w-full">Email me a sign-in link</SubmitButton>
      </div>
    </ActionForm>
  );
}
