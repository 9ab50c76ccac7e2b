import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/observability/log";
import { withLogContext } from "@/lib/observability/log-context";

// A logger writing into memory, read back line by line as the log store would.
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level: "debug", destination }), lines };
}

describe("structured logs", () => {
  it("never writes a secret, at the top level or nested in a config or request", () => {
    const { logger, lines } = memoryLogger();
    logger.info(
      {
        apiKey: "sk-top-level-secret",
        headers: { authorization: "Bearer header-secret", cookie: "session=cookie-secret", accept: "application/json" },
        config: { provider: "kling", baseUrl: "https://api.example", credentials: { accessKey: "ak-secret", secretKey: "sk-secret" } },
        user: { email: "a@example.com", password: "hunter2-secret" },
        webhook: { token: "token-secret" },
      },
      "calling the provider",
    );
    const text = JSON.stringify(lines);
    for (const secret of ["sk-top-level-secret", "header-secret", "cookie-secret", "ak-secret", "sk-secret", "hunter2-secret", "token-secret"]) {
      expect(text).not.toContain(secret);
    }
    // What is not secret stays readable.
    expect(lines[0]).toMatchObject({ level: "info", msg: "calling the provider", config: { provider: "kling", baseUrl: "https://api.example" } });
    expect(lines[0]).toMatchObject({ headers: { accept: "application/json", authorization: "[redacted]" } });
  });

  it("puts the request, job and generation ids of the work in progress on every line", async () => {
    const { logger, lines } = memoryLogger();
    await withLogContext({ requestId: "req-1234abcd" }, async () => {
      logger.info("submit received");
      await withLogContext({ jobId: "job-1", job: "generation.submit", generationId: "gen_1" }, async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        logger.warn("provider busy");
      });
    });
    logger.info("outside");
    expect(lines[0]).toMatchObject({ requestId: "req-1234abcd", msg: "submit received" });
    expect(lines[0]).not.toHaveProperty("jobId");
    expect(lines[1]).toMatchObject({ requestId: "req-1234abcd", jobId: "job-1", job: "generation.submit", generationId: "gen_1", level: "warn" });
    expect(lines[2]).not.toHaveProperty("requestId");
  });

  it("keeps one line's own fields off the next line of the same work", () => {
    const { logger, lines } = memoryLogger();
    withLogContext({ jobId: "job-2" }, () => {
      logger.info({ provider: "kling", durationMs: 12 }, "provider call");
      logger.info("job done");
    });
    expect(lines[0]).toMatchObject({ jobId: "job-2", provider: "kling" });
    expect(lines[1]).toMatchObject({ jobId: "job-2", msg: "job done" });
    expect(lines[1]).not.toHaveProperty("provider");
  });
});
