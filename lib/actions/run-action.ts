import { ZodError } from "zod";
import { AppError, zodFields } from "@/lib/errors";
import { failed, type ActionResult } from "@/lib/actions/action-result";

/**
 * Runs a server action's body and turns the errors a person can act on (AppError, a zod parse) into the failed
 * result; anything else is rethrown — including Next's redirect/notFound signals, which must reach the framework.
 */
export async function runAction<T>(body: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError) return failed(error.code, error.message, error.fields);
    if (error instanceof ZodError) return failed("validation_failed", "Some fields need attention.", zodFields(error));
    throw error;
  }
}

export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
