import { ZodError } from "zod";
import { AppError, zodFields, type ErrorCode } from "@/lib/errors";

// What every settings server action returns to its form: a message, or an error with per-field messages shown beside
// the fields. `data` carries things shown once (a new API key, an invite link) and never re-rendered by the server.
export type ActionState = {
  ok?: boolean;
  message?: string;
  error?: { code: ErrorCode; message: string };
  fields?: Record<string, string>;
  data?: Record<string, string>;
};

/** Runs an action body and turns the errors a person can act on into form state; anything else is rethrown. */
export async function runAction(body: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError) return { error: { code: error.code, message: error.message }, fields: error.fields };
    if (error instanceof ZodError) {
      return { error: { code: "validation_failed", message: "Some fields need attention." }, fields: zodFields(error) };
    }
    // Includes Next's redirect/notFound signals, which must reach the framework.
    throw error;
  }
}

export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
