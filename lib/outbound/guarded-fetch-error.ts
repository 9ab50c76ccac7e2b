// Why a guarded download failed, so callers decide retry versus give up without parsing messages:
// timeout / network / http_error 5xx are usually worth another try; the rest are not.
export type GuardedFetchErrorKind = "blocked_address" | "too_large" | "timeout" | "http_error" | "network" | "bad_url";

export class GuardedFetchError extends Error {
  override name = "GuardedFetchError";

  constructor(
    readonly kind: GuardedFetchErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
