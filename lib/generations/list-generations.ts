import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListGenerationsQuery } from "@/lib/generations/generation-schemas";

/**
 * A project's generations, newest first, with keyset pagination on the time-sortable id (stable under inserts,
 * unlike offsets). Filters map onto the (projectId, status|model|provider, createdAt) indexes.
 */
export async function listGenerations(options: { projectId: string; query: ListGenerationsQuery }) {
  const { projectId, query } = options;
  const where: Prisma.GenerationWhereInput = {
    projectId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.model ? { model: query.model } : {}),
    ...(query.provider ? { provider: query.provider } : {}),
    ...(query.elementId ? { elements: { some: { elementVersion: { elementId: query.elementId } } } } : {}),
    ...(query.from || query.to
      ? { createdAt: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lt: new Date(query.to) } : {}) } }
      : {}),
    ...(query.q ? { prompt: { contains: query.q, mode: "insensitive" } } : {}),
    ...(query.cursor ? { id: { lt: query.cursor } } : {}),
  };
  const rows = await db.generation.findMany({
    where,
    orderBy: { id: "desc" },
    take: query.limit + 1,
    include: { outputs: { include: { asset: true }, orderBy: { index: "asc" } } },
  });
  const page = rows.slice(0, query.limit);
  return { data: page, nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}
