// Our own storage failed (S3 down, a write refused): never the provider's fault, so always worth another try.
export class StorageWriteError extends Error {
  override name = "StorageWriteError";

  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}
