import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { createUser } from "@/prisma/factories/create-user";

describe("signOutEverywhere", () => {
  it("deletes every session of the user and no one else's, and records it", async () => {
    const { user, password } = await createUser();
    const other = await createUser();
    await signInWithPassword({ email: user.email, password });
    await signInWithPassword({ email: user.email, password });
    await signInWithPassword({ email: other.user.email, password: other.password });
    expect(await signOutEverywhere({ userId: user.id, ip: "198.51.100.7" })).toEqual({ sessionsEnded: 2 });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: other.user.id } })).toBe(1);
    const event = await db.auditEvent.findFirst({ where: { action: "auth.sign_out_everywhere", actorUserId: user.id } });
    expect(event).toMatchObject({ teamId: null, ip: "198.51.100.7", metadata: { sessions: 2 } });
  });
});
