import pino, { type Logger } from "pino";
import { env } from "@/lib/env";
import { logContext } from "@/lib/observability/log-context";

// Structured JSON logs, one line per event on stdout, from the web app and the worker alike: ship stdout to your log
// store and filter by requestId, jobId or generationId (README "Logs"). Level from LOG_LEVEL.

/** Keys whose values never reach a log line, at the top level or one or two objects down. */
const SECRET_KEYS = [
  "authorization",
  "cookie",
  "password",
  "passwordHash",
  "token",
  "apiKey",
  "accessKey",
  "secretKey",
  "secret",
  "webhookSecret",
  "key",
  "encrypted",
  "credentials",
  "DATABASE_URL",
  "AUTH_SECRET",
  "CREDENTIALS_ENCRYPTION_KEYS",
  "S3_SECRET_ACCESS_KEY",
];
export const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

/** A logger writing to `destination` (stdout unless given; tests pass a stream to read the lines back). */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      // The request/job/generation ids of whatever is running now (lib/observability/log-context.ts).
      // A copy: pino merges each line's own fields into what mixin returns, which must not leak into the context.
      mixin: () => ({ ...logContext() }),
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

let root: Logger | undefined;

/** The process's logger; `component` names the part of the app a line comes from (worker, api, webhooks, …). */
export function log(component: string): Logger {
  root ??= createLogger({ level: env().LOG_LEVEL });
  return root.child({ component });
}
