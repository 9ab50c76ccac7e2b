import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { AppError, toAppError, zodFields, type ErrorCode } from "@/lib/errors";

// What every settings server action returns to its form: a message, or an error with per-field messages shown beside
// the fields. `data` carries things shown once (a new API key, an invite link) and never re-rendered by the server.
export type ActionState = {
  ok?: boolean;
  message?: string;
  error?: { code: ErrorCode; message: string };
  fields?: Record<string, string>;
  data?: Record<string, string>;
};

/** Runs an action body and turns any error into form state; only Next's own control-flow signals are rethrown. */
export async function runAction(body: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await body();
  } catch (error) {
    // Next's redirect/notFound signals must reach the framework.
    unstable_rethrow(error);
    if (error instanceof ZodError) {
      return { error: { code: "validation_failed", message: "Some fields need attention." }, fields: zodFields(error) };
    }
    // Everything else as the API answers it (lib/errors.ts): known database conflicts become their plain sentence,
    // the unexpected is logged and hidden. Rethrown, it would be a 500 whose message (a Prisma error's, in
    // development) reached the browser.
    const appError = toAppError(error);
    if (!(error instanceof AppError) && appError.code === "internal_error") console.error("[action] unhandled error", error);
    return { error: { code: appError.code, message: appError.message }, fields: appError.fields };
  }
}

export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
