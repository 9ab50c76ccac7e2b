"use client";

import { cloneElement, createContext, isValidElement, startTransition, use, useActionState, useEffect, useRef, useState, type ReactElement, type ReactNode } from "react";
import { CheckCircle2, AlertCircle, Copy } from "lucide-react";
import { toast } from "sonner";
import type { ActionState } from "@/lib/actions/action-result";
import { cn } from "@/app/_components/cn";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle,
} from "@/app/_components/ui/alert-dialog";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- actions differ in what their success carries
type AnyState = ActionState<any>;
type Action = (state: AnyState, form: FormData) => Promise<AnyState>;
export type Confirm = { title: string; description?: string; action: string; destructive?: boolean };

const StateContext = createContext<{ state: AnyState; pending: boolean }>({ state: null, pending: false });

/**
 * A form bound to a server action. Submitting through a transition (rather than the form's own reset-on-action)
 * keeps what the person typed when the server answers with field messages. `confirm` asks first, in a dialog.
 */
export function ActionForm(props: {
  action: Action;
  children: ReactNode;
  className?: string;
  confirm?: Confirm;
  /** false: confirm success with a toast instead of a line in the form. */
  showMessage?: boolean;
  /** Clear what was typed once the server accepted it (secrets must not linger in the page). */
  resetOnSuccess?: boolean;
  onSuccess?: (state: AnyState) => void;
  "aria-label"?: string;
}) {
  const [state, dispatch, pending] = useActionState<AnyState, FormData>(props.action, null);
  const [asking, setAsking] = useState<FormData | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { resetOnSuccess, onSuccess, showMessage } = props;
  const handled = useRef<AnyState>(null);
  useEffect(() => {
    // Once per answer: the callbacks may be new functions on every render.
    if (!state?.ok || handled.current === state) return;
    handled.current = state;
    if (resetOnSuccess) formRef.current?.reset();
    // Forms with no room for a line of their own (table rows, dialogs that close) confirm with a toast.
    if (showMessage === false && state.message) toast.success(state.message);
    onSuccess?.(state);
  }, [state, resetOnSuccess, onSuccess, showMessage]);
  const fieldErrorShown = Boolean(state && !state.ok && state.error.fields && Object.keys(state.error.fields).length > 0);
  const send = (form: FormData) => startTransition(() => dispatch(form));
  return (
    <StateContext value={{ state, pending }}>
      <form
        ref={formRef}
        action={dispatch}
        aria-label={props["aria-label"]}
        className={props.className}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
          if (props.confirm) setAsking(form);
          else send(form);
        }}
      >
        {state && !state.ok && !fieldErrorShown ? <FormAlert>{state.error.message}</FormAlert> : null}
        {props.children}
        {props.showMessage !== false && state?.ok && state.message ? <FormMessage>{state.message}</FormMessage> : null}
      </form>
      {props.confirm ? (
        <AlertDialog open={asking !== null} onOpenChange={(open) => !open && setAsking(null)}>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{props.confirm.title}</AlertDialogTitle>
              {props.confirm.description ? <AlertDialogDescription>{props.confirm.description}</AlertDialogDescription> : null}
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Cancel</AlertDialogCancel>
              <AlertDialogAction destructive={props.confirm.destructive} onClick={() => asking && send(asking)}>
                {props.confirm.action}
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : null}
    </StateContext>
  );
}

export function FormAlert({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <p role="alert" className={cn("mb-3 flex w-full basis-full items-start gap-2 rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-destructive", className)}>
      <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

export function FormMessage({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="mt-3 flex basis-full items-start gap-2 text-sm text-success">
      <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

export function useFieldError(name: string): string | undefined {
  const { state } = use(StateContext);
  return state && !state.ok ? state.error.fields?.[name] : undefined;
}

/**
 * A label, its control and the server's message for it. The control (the one child) is given `aria-invalid` and
 * `aria-describedby` pointing at the message, so a screen reader reads the message with the field.
 */
export function Field(props: { id: string; name: string; label: ReactNode; hint?: ReactNode; className?: string; children: ReactElement<Record<string, unknown>> }) {
  const message = useFieldError(props.name);
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.hint ? hintId : null, message ? errorId : null].filter(Boolean).join(" ") || undefined;
  const control = isValidElement(props.children)
    ? cloneElement(props.children, { "aria-invalid": message ? true : undefined, "aria-describedby": describedBy })
    : props.children;
  return (
    <div className={cn("grid content-start gap-1.5", props.className)}>
      <Label htmlFor={props.id}>{props.label}</Label>
      {control}
      {props.hint ? <p id={hintId} className="text-xs text-muted-foreground">{props.hint}</p> : null}
      {message ? <p id={errorId} className="text-xs text-destructive">{message}</p> : null}
    </div>
  );
}

/** A message for a field that isn't a single control (a group of checkboxes). */
export function FieldError({ name }: { name: string }) {
  const message = useFieldError(name);
  return message ? <p className="text-xs text-destructive">{message}</p> : null;
}

export function SubmitButton(props: { children: ReactNode; pendingLabel?: string; variant?: "default" | "secondary" | "destructive" | "outline" | "ghost"; size?: "default" | "sm"; className?: string; name?: string; value?: string; disabled?: boolean }) {
  const { pending } = use(StateContext);
  return (
    <Button type="submit" variant={props.variant ?? "default"} size={props.size} disabled={pending || props.disabled} className={props.className} name={props.name} value={props.value}>
      {pending ? (props.pendingLabel ?? "Saving…") : props.children}
    </Button>
  );
}

/** Something the server returned once (a new API key, an invite link), shown until the page is left. */
export function OnceValue(props: { name: string; label: string; hint: string }) {
  const { state } = use(StateContext);
  const data = state?.ok ? (state.data as Record<string, string> | undefined) : undefined;
  const value = data?.[props.name];
  if (!value) return null;
  return (
    <div role="status" className="mt-4 grid basis-full gap-2 rounded-lg border border-success/30 bg-success/5 p-3">
      <strong className="text-sm text-success">{props.label}</strong>
      <div className="flex min-w-0 items-center gap-2">
        <Input readOnly aria-label={props.label} value={value} onFocus={(e) => e.currentTarget.select()} className="flex-1 font-mono text-[13px]" />
        <Button type="button" variant="secondary" size="sm" onClick={() => void navigator.clipboard?.writeText(value)}>
          <Copy aria-hidden /> Copy
        </Button>
      </div>
      <span className="text-xs text-muted-foreground">{props.hint}</span>
    </div>
  );
}
