import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/** The team's element with its versions (newest first); another team's id is the same 404 as an unknown one. */
export async function getElementOrThrow(options: { access: TeamAccess; elementId: string }) {
  const element = await db.element.findFirst({
    where: { id: options.elementId, teamId: options.access.teamId },
    include: { versions: { orderBy: { version: "desc" } } },
  });
  if (!element) throw new AppError("not_found", "Element not found.");
  return element;
}
