"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "./actions";

// The email field serves both buttons: a password sign-in, or a one-time link mailed to that address.
export function SignInForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} noValidate>
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" defaultValue={state.email}
          aria-invalid={Boolean(state.fields?.email)} aria-describedby="email-error" required />
        {state.fields?.email ? <span id="email-error" className="field-error">{state.fields.email}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password"
          aria-invalid={Boolean(state.fields?.password)} aria-describedby="password-error" required />
        {state.fields?.password ? <span id="password-error" className="field-error">{state.fields.password}</span> : null}
      </div>
      <div style={{ display: "grid", gap: ".6rem" }}>
        <button className="btn btn-primary" type="submit" disabled={pending} style={{ justifyContent: "center" }}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
        <button className="btn" type="submit" name="intent" value="magic-link" disabled={pending}
          style={{ justifyContent: "center" }}>
          Email me a sign-in link
        </button>
      </div>
    </form>
  );
}
