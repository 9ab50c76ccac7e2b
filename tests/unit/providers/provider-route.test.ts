import { afterEach, describe, expect, it, vi } from "vitest";

// One decision, asked by the submit path (resolveProviderConfig), the settings page and the studio header: with no
// key anywhere and no simulator, it is "none" and a submit is refused — never "simulator mode" while submits fail.

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function withEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  process.env = { ...saved, DATABASE_URL: "postgres://x@127.0.0.1:1/x", SIMULATOR_URL: undefined, KLING_ACCESS_KEY: undefined, KLING_SECRET_KEY: undefined, ...vars };
  const { providerRoute } = await import("@/lib/providers-config/provider-route");
  const { configFromCredential } = await import("@/lib/providers-config/resolve-provider-config");
  const route = providerRoute({ provider: "kling", hasTeamCredential: false });
  let used: string;
  try {
    used = configFromCredential({ provider: "kling", row: null }).source;
  } catch (error) {
    used = `refused: ${(error as Error).message}`;
  }
  return { route, used };
}

describe("providerRoute", () => {
  it("is none, and a submit is refused, with no keys and no simulator", async () => {
    expect(await withEnv({})).toEqual({ route: "none", used: expect.stringMatching(/^refused: No kling key is configured/) });
  });

  it("is simulator when the stack that runs one handed in its keys (SIMULATOR_URL with the keys)", async () => {
    expect(await withEnv({ SIMULATOR_URL: "http://127.0.0.1:4010", KLING_ACCESS_KEY: "a", KLING_SECRET_KEY: "b" })).toEqual({ route: "simulator", used: "simulator" });
  });

  it("is none with SIMULATOR_URL but no keys: nothing would answer, so no banner claims simulator mode", async () => {
    expect(await withEnv({ SIMULATOR_URL: "http://127.0.0.1:4010" })).toEqual({ route: "none", used: expect.stringMatching(/^refused: No kling key is configured/) });
  });

  it("is the deployment's key when keys are set and no simulator runs", async () => {
    expect(await withEnv({ KLING_ACCESS_KEY: "a", KLING_SECRET_KEY: "b" })).toEqual({ route: "server", used: "server" });
  });
});
