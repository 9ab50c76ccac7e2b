import { z } from "zod";

// The only module that reads process.env. Every variable is listed in .env.example with its default.
// Parsing is lazy so that importing a module never crashes a build step that doesn't need configuration.

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), "must be a postgres:// URL");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    APP_URL: z.url().default("http://localhost:3000"),
    // Where providers deliver webhooks; defaults to APP_URL (set it to a public tunnel in development).
    WEBHOOK_BASE_URL: z.url().optional(),
    DATABASE_URL: postgresUrl,
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    // 32 bytes, base64. Comma-separated list: the first encrypts, all decrypt (rotation).
    CREDENTIALS_ENCRYPTION_KEYS: z.string().optional(),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().default("us-east-1"),
    S3_BUCKET: z.string().min(3).default("asset-studio"),
    S3_ACCESS_KEY_ID: z.string().default("S3RVER"),
    S3_SECRET_ACCESS_KEY: z.string().default("S3RVER"),
    S3_FORCE_PATH_STYLE: bool.default(true),
    SIMULATOR_URL: z.url().optional(),
    KLING_ACCESS_KEY: z.string().optional(),
    KLING_SECRET_KEY: z.string().optional(),
    KLING_API_BASE_URL: z.url().default("https://api-singapore.klingai.com"),
    WAVESPEED_API_KEY: z.string().optional(),
    WAVESPEED_WEBHOOK_SECRET: z.string().optional(),
    WAVESPEED_API_BASE_URL: z.url().default("https://api.wavespeed.ai"),
    RUNWARE_API_KEY: z.string().optional(),
    RUNWARE_API_BASE_URL: z.url().default("https://api.runware.ai"),
    SEGMIND_API_KEY: z.string().optional(),
    SEGMIND_API_BASE_URL: z.url().default("https://api.segmind.com"),
    FAL_KEY: z.string().optional(),
    FAL_QUEUE_BASE_URL: z.url().default("https://queue.fal.run"),
    FAL_JWKS_URL: z.url().default("https://rest.alpha.fal.ai/.well-known/jwks.json"),
    SMTP_URL: z.string().optional(),
    EMAIL_FROM: z.string().default("Asset Studio <studio@localhost>"),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (!env.AUTH_SECRET) ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    if (!env.CREDENTIALS_ENCRYPTION_KEYS)
      ctx.addIssue({ code: "custom", path: ["CREDENTIALS_ENCRYPTION_KEYS"], message: "is required in production" });
  });

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string; CREDENTIALS_ENCRYPTION_KEYS: string };

// Development-only fallbacks so `npm run dev` works with no .env; production refuses to start without real ones.
const DEV_AUTH_SECRET = "dev-only-auth-secret-not-for-production-use-000";
const DEV_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses an environment; throws ConfigError whose message is one line naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const shown = typeof cleaned[name] === "string" ? ` (got "${redact(name, cleaned[name])}")` : "";
    const message = issue.code === "invalid_type" && cleaned[name] === undefined ? "is required" : issue.message;
    throw new ConfigError(`Invalid configuration: ${name} ${message}${shown}`);
  }
  return {
    ...result.data,
    AUTH_SECRET: result.data.AUTH_SECRET ?? DEV_AUTH_SECRET,
    CREDENTIALS_ENCRYPTION_KEYS: result.data.CREDENTIALS_ENCRYPTION_KEYS ?? DEV_ENCRYPTION_KEY,
  };
}

function redact(name: string, value: string): string {
  if (/SECRET|KEY|PASSWORD/.test(name)) return "***";
  return value.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:***@");
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
