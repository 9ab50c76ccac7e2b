import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { sim } from "@/tests/helpers/pipeline";

// The submit route over HTTP: what a client retrying a POST sees, and what it leaves in the database.
describe("POST /api/v1/projects/:projectId/generations", () => {
  it("answers a retried POST with the same Idempotency-Key with the first generation, not a second job", async () => {
    await sim("/faults", { method: "DELETE" });
    const { api, project } = await memberOfNewTeam("editor");
    const body = JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: "kling", parameters: { prompt: "Retry me", num_images: 1 } });
    const post = (key: string) => api(`/api/v1/projects/${project.id}/generations`, { method: "POST", body, headers: { "idempotency-key": key } });

    const first = await post("campaign-42");
    expect(first.status).toBe(202);
    const created = (await first.json()) as { id: string; status: string };
    expect(created.status).toBe("queued");

    const again = await post("campaign-42");
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as { id: string }).id).toBe(created.id);

    const other = await post("campaign-43");
    expect(other.status).toBe(202);
    expect(((await other.json()) as { id: string }).id).not.toBe(created.id);

    expect(await db.generation.count({ where: { projectId: project.id } })).toBe(2);
    expect(await db.spendEntry.count({ where: { projectId: project.id, kind: "reservation" } })).toBe(2);
  });
});
