// An output refused for what it is (wrong format or size, not an image, damaged), not for how it was fetched: final,
// never retried, and `reason` is the sentence the person sees.
export class ImageRejectedError extends Error {
  override name = "ImageRejectedError";

  constructor(readonly reason: string) {
    super(reason);
  }
}
