import { describe, expect, it, inject } from "vitest";

describe("GET /api/health", () => {
  it("reports database, storage and worker up", async () => {
    const res = await fetch(`${inject("appUrl")}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "ok",
      components: { database: { status: "up" }, storage: { status: "up" }, worker: { status: "up" } },
    });
  });
});
