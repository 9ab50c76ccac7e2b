import { defineHandler } from "@/lib/worker/define-handler";
import { purgeTrashJob } from "@/lib/jobs/contracts/purge-trash";
import { purgeOldTrash } from "@/lib/assets/purge-old-trash";

export const purgeTrashHandler = defineHandler(purgeTrashJob, {
  concurrency: 1,
  async handle() {
    await purgeOldTrash();
  },
});
