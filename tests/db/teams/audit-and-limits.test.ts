import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { limitSubmissions, SUBMISSION_LIMITS } from "@/lib/rate-limit/limit-submissions";
import { teamWithRoles } from "./helpers";

describe("audit log", () => {
  it("pages newest first with a cursor and names the actor", async () => {
    const { team, people } = await teamWithRoles();
    for (let i = 0; i < 5; i++) {
      await recordAuditEvent({ action: "budget.changed", teamId: team.id, actorUserId: people.admin.id, metadata: { n: i } });
    }
    const first = await listAuditEvents({ teamId: team.id, limit: 3 });
    expect(first.data.map((e) => (e.metadata as { n: number }).n)).toEqual([4, 3, 2]);
    expect(first.data[0]!.actor.email).toBe(people.admin.email);
    const second = await listAuditEvents({ teamId: team.id, limit: 3, cursor: first.nextCursor! });
    expect(second.data.map((e) => (e.metadata as { n: number }).n)).toEqual([1, 0]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("submission rate limits", () => {
  it("counts users and API keys separately and answers 429 with Retry-After", async () => {
    const now = new Date("2027-01-01T00:00:10Z");
    const user = { kind: "user" as const, userId: `u-${Date.now()}` };
    const key = { kind: "apiKey" as const, keyId: `k-${Date.now()}`, teamId: "t", access: "read_write" as const, projectIds: [], scopes: [], createdById: user.userId, creatorRole: "owner" as const };
    await limitSubmissions(user, { now, cost: SUBMISSION_LIMITS.user.limit });
    const error = await limitSubmissions(user, { now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(429);
    expect((error as AppError).headers).toEqual({ "Retry-After": "50" });
    // The key has its own budget even though the same person created it.
    await expect(limitSubmissions(key, { now })).resolves.toMatchObject({ allowed: true });
    // A new window starts fresh.
    await expect(limitSubmissions(user, { now: new Date("2027-01-01T00:01:00Z") })).resolves.toMatchObject({ allowed: true });
  });
});
