import { z } from "zod";

export const activeSpendAlertDto = z.object({
  id: z.string(),
  limitKind: z.string(),
  threshold: z.number().int(),
  title: z.string(),
  text: z.string(),
  consequence: z.string(),
  /** The spend page to open about it. */
  href: z.string(),
  createdAt: z.string(),
});
export type ActiveSpendAlertDto = z.infer<typeof activeSpendAlertDto>;
