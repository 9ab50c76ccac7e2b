import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";

describe("budget API", () => {
  it("lets admins set limits, audits the change, and refuses editors and nonsense", async () => {
    const owner = await memberOfNewTeam("owner");
    const put = (api: typeof owner.api, body: unknown) =>
      api(`/api/v1/projects/${owner.project.id}/budget`, { method: "PUT", body: JSON.stringify(body) });

    const bad = await put(owner.api, { softLimitMicros: 2_000_000, hardLimitMicros: 1_000_000 });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { fields: { softLimitMicros: expect.stringContaining("hard limit") } } });

    const ok = await put(owner.api, { period: "monthly", softLimitMicros: 500_000, hardLimitMicros: 1_000_000 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ period: "monthly", softLimitMicros: 500_000, hardLimitMicros: 1_000_000 });
    const audit = await db.auditEvent.findFirst({ where: { teamId: owner.team.id, action: "budget.changed" } });
    expect(audit?.targetId).toBe(owner.project.id);

    const read = await owner.api(`/api/v1/projects/${owner.project.id}/budget`);
    expect(await read.json()).toMatchObject({ data: [{ hardLimitMicros: 1_000_000, spentMicros: 0 }] });
  });

  it("refuses an editor", async () => {
    const editor = await memberOfNewTeam("editor");
    const res = await editor.api(`/api/v1/projects/${editor.project.id}/budget`, { method: "PUT", body: JSON.stringify({ hardLimitMicros: 1 }) });
    expect(res.status).toBe(403);
    expect(await db.budget.count({ where: { projectId: editor.project.id } })).toBe(0);
  });
});
