import { db } from "@/lib/db";
import { createId } from "@/lib/ids";

export async function createProjectRow(options: {
  teamId: string;
  name?: string;
  description?: string;
  createdById?: string;
  restricted?: boolean;
}) {
  return db.project.create({
    data: {
      id: createId("project"),
      teamId: options.teamId,
      name: options.name ?? "Untitled project",
      description: options.description,
      createdById: options.createdById,
      restricted: options.restricted ?? false,
    },
  });
}
