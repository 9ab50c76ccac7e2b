import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import type { MemberRole } from "@/lib/generated/prisma/enums";

export async function createTeam(options: { name?: string; slug?: string; ownerId: string }) {
  const name = options.name ?? `Team ${randomBytes(3).toString("hex")}`;
  const slug = options.slug ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomBytes(3).toString("hex")}`;
  return db.team.create({
    data: {
      id: createId("team"),
      name,
      slug,
      memberships: { create: { id: createId("membership"), userId: options.ownerId, role: "owner" } },
    },
  });
}

export async function addMember(options: { teamId: string; userId: string; role: MemberRole }) {
  return db.membership.create({ data: { id: createId("membership"), ...options } });
}
