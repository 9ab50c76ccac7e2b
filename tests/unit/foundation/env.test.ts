import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";

const base = { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/asset_studio" };

describe("parseEnv", () => {
  it("applies working defaults for everything but the database", () => {
    const env = parseEnv(base);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.S3_BUCKET).toBe("asset-studio");
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("names the variable in one line when DATABASE_URL is malformed", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://nope" })).toThrowError(ConfigError);
    try {
      parseEnv({ DATABASE_URL: "not a url" });
    } catch (error) {
      expect((error as Error).message).toMatch(/^Invalid configuration: DATABASE_URL must be a postgres:\/\/ URL/);
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("refuses to start in production without a secret", () => {
    expect(() => parseEnv({ ...base, NODE_ENV: "production" })).toThrowError(
      "Invalid configuration: AUTH_SECRET is required in production",
    );
  });

  it("never echoes a secret's value", () => {
    expect(() => parseEnv({ ...base, AUTH_SECRET: "short-secret" })).toThrowError(/AUTH_SECRET .*"\*\*\*"/);
  });

  it("hides the password of a database URL it reports", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://u:hunter2@host/db", APP_URL: "nope" })).toThrowError(/APP_URL/);
  });
});
