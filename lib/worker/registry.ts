import type { JobHandler } from "@/lib/worker/define-handler";
import { purgeRateLimitsHandler } from "@/lib/worker/handlers/purge-rate-limits";
import { submitGenerationHandler } from "@/lib/worker/handlers/submit-generation";
import { pollGenerationHandler } from "@/lib/worker/handlers/poll-generation";
import { syncGenerationHandler } from "@/lib/worker/handlers/sync-generation";
import { ingestOutputHandler } from "@/lib/worker/handlers/ingest-output";
import { sweepStuckHandler } from "@/lib/worker/handlers/sweep-stuck";
import { purgeTrashHandler } from "@/lib/worker/handlers/purge-trash";
import { emailNotificationHandler } from "@/lib/worker/handlers/email-notification";
import { sendSpendAlertHandler } from "@/lib/worker/handlers/send-spend-alert";
import { spendAlertWebhookHandler } from "@/lib/worker/handlers/spend-alert-webhook";

// Every job the worker runs. Adding a job = a contract in lib/jobs/contracts/, a handler in lib/worker/handlers/ and
// one line here.
export const HANDLERS: JobHandler[] = [
  submitGenerationHandler,
  pollGenerationHandler,
  syncGenerationHandler,
  ingestOutputHandler,
  sweepStuckHandler,
  purgeRateLimitsHandler,
  purgeTrashHandler,
  emailNotificationHandler,
  sendSpendAlertHandler,
  spendAlertWebhookHandler,
] as JobHandler[];
