import { z } from "zod";

export const listNotificationsQuery = z.object({ teamId: z.string().min(1).max(100), limit: z.coerce.number().int().min(1).max(200).default(50) });

export const markNotificationsReadInput = z.object({
  teamId: z.string().min(1).max(100),
  /** Omit to mark every notification of the team read. */
  ids: z.array(z.string().min(1).max(100)).min(1).max(500).optional(),
});
