import { EventEmitter } from "node:events";
import { randomBytes } from "node:crypto";
import { effectiveFaults, type FaultConfig, type FaultSettings } from "../faults/fault-config";
import { createFalSigningKey, type FalSigningKey } from "../webhooks/signing";
import { createPrng, type Prng } from "./prng";
import type { ProviderName, SimJob } from "./types";

export interface WebhookAttempt {
  at: number;
  status?: number;
  error?: string;
  durationMs: number;
}

export interface WebhookDelivery {
  id: string;
  provider: ProviderName;
  jobId: string;
  url: string;
  event: string;
  body: string;
  headers: Record<string, string>;
  createdAt: number;
  delayMs: number;
  duplicate: boolean;
  outcome: "pending" | "delivered" | "failed" | "dropped";
  attempts: WebhookAttempt[];
}

export interface RequestLogEntry {
  at: number;
  provider?: ProviderName;
  method: string;
  path: string;
  status: number;
  fault?: string;
}

export interface SimState {
  startedAt: number;
  jobs: Map<string, SimJob>;
  outputs: Map<string, { jobKey: string; index: number }>;
  deliveries: WebhookDelivery[];
  requests: RequestLogEntry[];
  faults: FaultSettings;
  balances: Partial<Record<ProviderName, number>>;
  rng: Prng;
  /** Kling's custom element library: creation tasks by task id (providers/kling/elements.ts). */
  klingElements: Map<string, KlingElementTask>;
}

export interface KlingElementTask {
  taskId: string;
  elementId: bigint;
  name: string;
  description: string;
  frontalImage: string;
  referImages: string[];
  tags: string[];
  externalTaskId?: string;
  createdAt: number;
  readyAt: number;
  deletedAt?: number;
}

export interface Timing {
  queuedMs: number;
  processingMs: number;
}

export interface Sim {
  state: SimState;
  publicUrl: string;
  timing: Timing;
  defaultSeed: number;
  urlSecret: Buffer; // signs output URLs; per process, so URLs from a previous run are refused like stale links
  falKey: FalSigningKey;
  events: EventEmitter; // "job:<key>" fires on every change so sync endpoints can wait without polling
  faults(provider: ProviderName): FaultConfig;
  later(ms: number, fn: () => void): void;
  sleep(ms: number): Promise<void>;
  close(): void;
}

export function createSim(options: { publicUrl: string; timing: Timing; seed: number }): Sim {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const state: SimState = {
    startedAt: Date.now(),
    jobs: new Map(),
    outputs: new Map(),
    deliveries: [],
    requests: [],
    faults: { seed: options.seed, global: {}, providers: {} },
    balances: {},
    rng: createPrng(options.seed),
    klingElements: new Map(),
  };
  const later = (ms: number, fn: () => void): void => {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, Math.max(0, ms));
    timers.add(timer);
  };
  return {
    state,
    publicUrl: options.publicUrl,
    timing: options.timing,
    defaultSeed: options.seed,
    urlSecret: randomBytes(32),
    falKey: createFalSigningKey(),
    events,
    faults: (provider) => effectiveFaults(state.faults, provider),
    later,
    // Pending sleeps are abandoned on close: their jobs belong to a simulator that no longer exists.
    sleep: (ms) => new Promise((resolve) => later(ms, resolve)),
    close: () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      events.removeAllListeners();
    },
  };
}

export const jobKey = (provider: ProviderName, id: string): string => `${provider}:${id}`;
