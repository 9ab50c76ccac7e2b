import type { ErrorCode } from "@/lib/errors";

// The one shape every server action answers with. A form shows `error.fields` beside its fields and `error.message`
// above them; `message` is a line to confirm what happened; `data` carries what the client needs afterwards
// (a key shown once, an id to navigate to). Mirrors the REST API's `{ error: { code, message, fields } }`.
export type ActionError = { code: ErrorCode; message: string; fields?: Record<string, string> };
export type ActionResult<T = undefined> = { ok: true; data: T; message?: string } | { ok: false; error: ActionError };
/** What a form bound with useActionState holds: nothing yet, or the last answer. */
export type ActionState<T = undefined> = ActionResult<T> | null;

export function ok(): ActionResult<undefined>;
export function ok<T>(data: T, message?: string): ActionResult<T>;
export function ok<T>(data?: T, message?: string): ActionResult<T | undefined> {
  return message === undefined ? { ok: true, data } : { ok: true, data, message };
}

export function failed(code: ErrorCode, message: string, fields?: Record<string, string>): ActionResult<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}
