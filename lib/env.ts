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
    // Image URLs are signed as of the start of a window this long and stay valid two windows, so the same asset gets
    // the same URL all window long (browsers cache it) and a URL handed out at the window's end still lasts a window.
    ASSET_URL_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3.5 * 24 * 3600).default(3600),
    SIMULATOR_URL: z.url().optional(),
    // host[:port] list that skips the outbound address policy (SIMULATOR_URL's host is added automatically).
    OUTBOUND_ALLOWED_HOSTS: z.string().default(""),
    OUTBOUND_MAX_DOWNLOAD_BYTES: z.coerce.number().int().min(1024).default(50 * 1024 * 1024),
    OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
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
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
    // A generation not finished this long after it was queued fails as timed out.
    GENERATION_DEADLINE_SECONDS: z.coerce.number().int().min(30).default(600),
    // In-flight limits per provider credential ("kling=20,wavespeed=2"); Kling counts images, the others jobs.
    PROVIDER_CONCURRENCY: z.string().default("kling=20,wavespeed=10,runware=10,segmind=10,fal=10"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    // Bearer token for Prometheus scrapes of /api/metrics and the worker's metrics port; unset = metrics off (404).
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    // Port a worker process serves GET /metrics on (same token); unset = the worker serves none.
    WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    // OpenID Connect single sign-on (Google Workspace, Okta, Keycloak, …); the sign-in button appears when set.
    AUTH_OIDC_ISSUER: z.url().optional(),
    AUTH_OIDC_CLIENT_ID: z.string().optional(),
    AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
    AUTH_OIDC_NAME: z.string().default("SSO"),
    // Reverse proxies in front of the app that append to X-Forwarded-For (lib/auth/client-ip.ts). 0, the default:
    // none, the client address is the socket's and the header, which any client can write, is ignored.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (!env.AUTH_SECRET) ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    if (!env.CREDENTIALS_ENCRYPTION_KEYS)
      ctx.addIssue({ code: "custom", path: ["CREDENTIALS_ENCRYPTION_KEYS"], message: "is required in production" });
  })
  .superRefine((env, ctx) => {
    // A half-configured SSO would show a button that can only fail; refuse to start instead.
    if (!env.AUTH_OIDC_ISSUER) return;
    for (const name of ["AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET"] as const) {
      if (!env[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required when AUTH_OIDC_ISSUER is set" });
    }
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

/**
 * Auth.js takes the studio's public URL from process.env.AUTH_URL, or else from each request (its Host headers,
 * which a caller controls, and which Next's own server reports as "localhost"). Magic links, OIDC redirect URIs
 * and callback URLs must all agree with APP_URL, so lib/auth/auth.ts hands it over before Auth.js runs.
 */
export function publishAuthUrl() {
  process.env.AUTH_URL = new URL(env().APP_URL).origin;
}
