import { startSimulator, type RunningSimulator } from "@/simulator/server";
import * as creds from "@/simulator/credentials";
import { createProviderAdapter } from "@/lib/providers/registry";
import { simulatorUrls } from "@/lib/providers/simulator-urls";
import type { ProviderId } from "@/lib/kling/providers";
import type { ProviderAdapter } from "@/lib/providers/types";
import { startWebhookReceiver, type WebhookReceiver } from "./receiver";

// One simulator (port 0, fast timing) + one webhook receiver + the five real adapters pointed at the simulator the
// way the studio builds them when no provider keys are configured (simulatorUrls + simulator/credentials.ts).
export const WEBHOOK_TOKEN_SECRET = "contract-webhook-token-secret";
/** The simulator reports final_unit_deduction at $0.14 per unit (simulator/core/pricing.ts). */
export const KLING_MICROS_PER_UNIT = 140_000;

export type Contract = {
  sim: RunningSimulator;
  receiver: WebhookReceiver;
  adapters: Record<ProviderId, ProviderAdapter>;
  close(): Promise<void>;
};

export function buildAdapters(simUrl: string, overrides: { wrongKeys?: boolean } = {}): Record<ProviderId, ProviderAdapter> {
  const urls = simulatorUrls(simUrl);
  const wrong = overrides.wrongKeys ? "-wrong" : "";
  return {
    kling: createProviderAdapter({
      provider: "kling",
      baseUrl: urls.kling,
      credentials: { accessKey: creds.KLING_ACCESS_KEY + wrong, secretKey: creds.KLING_SECRET_KEY },
      webhookTokenSecret: WEBHOOK_TOKEN_SECRET,
      microsPerUnit: KLING_MICROS_PER_UNIT,
    }),
    wavespeed: createProviderAdapter({
      provider: "wavespeed",
      baseUrl: urls.wavespeed,
      credentials: { apiKey: creds.WAVESPEED_API_KEY + wrong, webhookSecret: creds.WAVESPEED_WEBHOOK_SECRET },
      webhookTokenSecret: WEBHOOK_TOKEN_SECRET,
    }),
    runware: createProviderAdapter({
      provider: "runware",
      baseUrl: urls.runware,
      credentials: { apiKey: creds.RUNWARE_API_KEY + wrong },
      webhookTokenSecret: WEBHOOK_TOKEN_SECRET,
    }),
    segmind: createProviderAdapter({ provider: "segmind", baseUrl: urls.segmind, credentials: { apiKey: creds.SEGMIND_API_KEY + wrong } }),
    fal: createProviderAdapter({
      provider: "fal",
      baseUrl: urls.fal,
      jwksUrl: urls.falJwks,
      credentials: { key: creds.FAL_KEY + wrong },
      webhookTokenSecret: WEBHOOK_TOKEN_SECRET,
    }),
  };
}

// A job takes ~90 ms: enough to see queued → running → done, short enough for dozens of jobs per file.
export async function startContract(): Promise<Contract> {
  const sim = await startSimulator({ port: 0, host: "127.0.0.1", seed: 3, timing: { queuedMs: 30, processingMs: 60 } });
  const receiver = await startWebhookReceiver();
  return {
    sim,
    receiver,
    adapters: buildAdapters(sim.url),
    close: async () => {
      await sim.close();
      await receiver.close();
    },
  };
}

// The simulator's control API (/_sim). Answers are the simulator's own JSON, so tests read them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function control(sim: RunningSimulator, path: string, init: { method?: string; body?: unknown } = {}): Promise<any> {
  const response = await fetch(`${sim.url}/_sim${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`/_sim${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Replaces the fault settings (POST /_sim/faults); `{}` clears them. */
export const setFaults = (sim: RunningSimulator, settings: object) => control(sim, "/faults", { body: settings });

export type AccountingLine = { provider: string; externalId: string; correlationId: string | null; status: string; images: number; costMicros: number };

export async function accountingLine(sim: RunningSimulator, provider: ProviderId, externalId: string): Promise<AccountingLine> {
  const { jobs } = (await control(sim, "/accounting")) as { jobs: AccountingLine[] };
  const line = jobs.find((j) => j.provider === provider && j.externalId === externalId);
  if (!line) throw new Error(`no accounting line for ${provider} ${externalId}`);
  return line;
}

export async function simJobs(sim: RunningSimulator, provider: ProviderId): Promise<{ id: string; correlationId: string | null; phase: string }[]> {
  const { jobs } = (await control(sim, "/jobs")) as { jobs: { provider: string; id: string; correlationId: string | null; phase: string }[] };
  return jobs.filter((j) => j.provider === provider);
}
