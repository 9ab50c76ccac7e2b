import { db } from "@/lib/db";
import { toShareLinkDto } from "@/lib/share/share-link-dto";
import type { ShareLinkDto } from "@/lib/share/share-link-schemas";

/** A project's links, newest first (the caller checked project access). */
export async function listShareLinks(options: { projectId: string }): Promise<ShareLinkDto[]> {
  const rows = await db.shareLink.findMany({
    where: { projectId: options.projectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { collection: { select: { name: true } }, _count: { select: { assets: true } } },
    take: 500,
  });
  const now = new Date();
  return rows.map((r) => toShareLinkDto(r, now));
}
