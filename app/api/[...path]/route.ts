// ANY /api/* that no other route answers - 404 in the API's JSON error shape, for every method
import { errorResponse } from "@/lib/http/respond";
import { AppError } from "@/lib/errors";

// Without this, Next answers an unknown API path with its HTML not-found page, which API clients can't parse. More
// specific routes (every real one) win over this catch-all, so it only ever sees paths that don't exist.
function notFound() {
  return errorResponse(new AppError("not_found", "No such API endpoint."));
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
