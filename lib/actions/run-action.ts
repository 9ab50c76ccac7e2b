import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { AppError, toAppError, zodFields } from "@/lib/errors";
import { failed, type ActionResult } from "@/lib/actions/action-result";
import { log } from "@/lib/observability/log";

/**
 * Runs a server action's body and turns any error into the failed result; only Next's own control-flow signals
 * (redirect, notFound, forbidden) are rethrown, because they must reach the framework.
 */
export async function runAction<T>(body: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await body();
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ZodError) return failed("validation_failed", "Some fields need attention.", zodFields(error));
    // Everything else as the API answers it (lib/errors.ts): known database conflicts become their plain sentence,
    // the unexpected is logged and hidden. Rethrown, it would be a 500 whose message (a Prisma error's, in
    // development) reached the browser.
    const appError = toAppError(error);
    if (!(error instanceof AppError) && appError.code === "internal_error") log("action").error({ err: error }, "unhandled error");
    return failed(appError.code, appError.message, appError.fields);
  }
}

export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
