"use client";

import { createContext, startTransition, use, useActionState, useEffect, useRef, type ReactNode } from "react";
import type { ActionState } from "./run-action";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
const StateContext = createContext<{ state: ActionState; pending: boolean }>({ state: {}, pending: false });

/**
 * A form bound to a server action. Submitting through a transition (rather than the form's own reset-on-action)
 * keeps what the person typed when the server answers with field messages.
 */
export function ActionForm(props: {
  action: Action;
  children: ReactNode;
  className?: string;
  confirm?: string;
  showMessage?: boolean;
  /** Clear what was typed once the server accepted it (secrets must not linger in the page). */
  resetOnSuccess?: boolean;
}) {
  const [state, dispatch, pending] = useActionState<ActionState, FormData>(props.action, {});
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (props.resetOnSuccess && state.ok) formRef.current?.reset();
  }, [state, props.resetOnSuccess]);
  const fieldErrorShown = Boolean(state.fields && Object.keys(state.fields).length > 0);
  return (
    <StateContext value={{ state, pending }}>
      <form
        ref={formRef}
        action={dispatch}
        className={props.className}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (props.confirm && !window.confirm(props.confirm)) return;
          const form = new FormData(event.currentTarget);
          startTransition(() => dispatch(form));
        }}
      >
        {state.error && !fieldErrorShown ? <p className="form-error" role="alert">{state.error.message}</p> : null}
        {props.children}
        {props.showMessage !== false && state.message ? <p className="form-ok" role="status">{state.message}</p> : null}
      </form>
    </StateContext>
  );
}

export function FieldError({ name }: { name: string }) {
  const { state } = use(StateContext);
  const message = state.fields?.[name];
  return message ? <span className="field-error" id={`${name}-error`}>{message}</span> : null;
}

export function SubmitButton(props: { children: ReactNode; pendingLabel?: string; variant?: "primary" | "danger" | "plain" }) {
  const { pending } = use(StateContext);
  const variant = props.variant ?? "primary";
  const className = variant === "primary" ? "btn btn-primary" : variant === "danger" ? "btn btn-danger" : "btn";
  return (
    <button className={className} type="submit" disabled={pending}>
      {pending ? (props.pendingLabel ?? "Saving…") : props.children}
    </button>
  );
}

/** Something the server returned once (a new API key, an invite link), shown until the page is left. */
export function OnceValue(props: { name: string; label: string; hint: string }) {
  const { state } = use(StateContext);
  const value = state.data?.[props.name];
  if (!value) return null;
  return (
    <div className="once" role="status">
      <strong>{props.label}</strong>
      <code className="once-value">{value}</code>
      <button className="btn" type="button" onClick={() => void navigator.clipboard?.writeText(value)}>Copy</button>
      <span className="muted">{props.hint}</span>
    </div>
  );
}
