import { NextResponse } from "next/server";
import { AppError, errorBody, toAppError } from "@/lib/errors";
import { log } from "@/lib/observability/log";

export function json<T>(data: T, init?: ResponseInit) {
  return NextResponse.json(data, init);
}

/** The one place an error becomes an HTTP response. Unexpected errors are logged here and hidden from the client. */
export function errorResponse(error: unknown) {
  const appError = toAppError(error);
  if (!(error instanceof AppError) && appError.code === "internal_error") log("api").error({ err: error }, "unhandled error");
  return NextResponse.json(errorBody(appError), { status: appError.status, headers: appError.headers });
}
