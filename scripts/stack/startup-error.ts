// A start-up failure someone can act on: `message` is one plain line naming the cause and the fix. `npm run dev` and
// the test tiers print it as it is, without a stack trace (the trace would be about our code, not their machine).
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StartupError";
  }
}

/** The one line to print for any error that stopped start-up. */
export function describeStartupError(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n")[0]!.trim() || error.name;
  return String(error);
}
