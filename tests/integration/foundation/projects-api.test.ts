import { describe, expect, it, inject } from "vitest";
import { db } from "@/lib/db";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";

describe("projects API", () => {
  it("lists the team's projects for a member", async () => {
    const { api, team, project } = await memberOfNewTeam("viewer");
    const res = await api(`/api/v1/teams/${team.id}/projects`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Array<{ id: string }> };
    expect(body.data.map((p) => p.id)).toEqual([project.id]);
  });

  it("answers 401 in the one error shape without a session", async () => {
    const { team } = await memberOfNewTeam();
    const res = await fetch(`${inject("appUrl")}/api/v1/teams/${team.id}/projects`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  });

  it("hides another team behind 404 and writes nothing", async () => {
    const mine = await memberOfNewTeam("owner");
    const theirs = await memberOfNewTeam("owner");
    const before = await db.project.count({ where: { teamId: theirs.team.id } });
    const res = await mine.api(`/api/v1/teams/${theirs.team.id}/projects`, { method: "POST", body: JSON.stringify({ name: "Sneaky" }) });
    expect(res.status).toBe(404);
    expect(await db.project.count({ where: { teamId: theirs.team.id } })).toBe(before);
  });

  it("refuses a viewer's write with 403", async () => {
    const { api, team } = await memberOfNewTeam("viewer");
    const res = await api(`/api/v1/teams/${team.id}/projects`, { method: "POST", body: JSON.stringify({ name: "Nope" }) });
    expect(res.status).toBe(403);
  });

  it("validates input with field messages and creates nothing on bad input", async () => {
    const { api, team } = await memberOfNewTeam("owner");
    const res = await api(`/api/v1/teams/${team.id}/projects`, { method: "POST", body: JSON.stringify({ name: "" }) });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: "validation_failed", fields: { name: "Give the project a name." } } });
    expect(await db.project.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("refuses a cross-site mutation carrying a session cookie", async () => {
    const { sessionToken, team } = await memberOfNewTeam("owner");
    const res = await fetch(`${inject("appUrl")}/api/v1/teams/${team.id}/projects`, {
      method: "POST",
      headers: { cookie: `authjs.session-token=${sessionToken}`, origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ name: "CSRF" }),
    });
    expect(res.status).toBe(403);
  });

  it("creates a project for an owner", async () => {
    const { api, team } = await memberOfNewTeam("owner");
    const res = await api(`/api/v1/teams/${team.id}/projects`, { method: "POST", body: JSON.stringify({ name: "Summer" }) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ name: "Summer", teamId: team.id, id: expect.stringMatching(/^prj_/) });
  });
});
