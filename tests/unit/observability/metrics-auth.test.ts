import { describe, expect, it } from "vitest";
import { metricsAnswer } from "@/lib/observability/metrics-response";

// Without METRICS_TOKEN the endpoint does not exist; with it, nothing but the exact Bearer token gets past
// (tests/integration/foundation/metrics.test.ts reads the figures through the running app).
describe("metrics access", () => {
  it("is a 404 when no token is configured, whatever the request sends", async () => {
    expect((await metricsAnswer("Bearer anything-at-all", "")).status).toBe(404);
    expect((await metricsAnswer(null, "")).status).toBe(404);
  });

  it("is a 401 for a missing, wrong, prefixed or unprefixed token", async () => {
    const token = "metrics-token-0123456789";
    for (const authorization of [null, "", "Bearer wrong-token-0123456789", `Bearer ${token}x`, token, `Basic ${token}`]) {
      const answer = await metricsAnswer(authorization, token);
      expect(answer.status, String(authorization)).toBe(401);
      expect(answer.body).not.toContain("studio_");
    }
  });
});
