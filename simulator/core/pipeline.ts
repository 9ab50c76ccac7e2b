import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleControl } from "../control/control-api";
import { latencyFor, parseForced, planJob, rollQuota, rollRequestFault } from "../faults/request-faults";
import { serveOutput } from "../outputs/serve-output";
import { BodyError, lazyJsonBody, sendReply } from "./http";
import { findModule, matchRoute } from "./router";
import type { Sim } from "./sim";
import type { Ctx, ProviderModule, Reply } from "./types";

const MAX_LOG = 2_000;

// One request: control API, output files, or a provider API call. Provider calls go through the same order a real
// gateway applies: latency → routing → auth → transport faults → quota → the handler.
export async function handleRequest(
  sim: Sim,
  modules: ProviderModule[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://simulator.local");
  const method = req.method ?? "GET";
  if (url.pathname === "/_sim" || url.pathname.startsWith("/_sim/")) {
    sendReply(res, await handleControl(sim, method, url, lazyJsonBody(req)));
    return;
  }
  const forced = parseForced(req.headers);
  const file = await serveOutput(sim, url, res, forced);
  if (file === "handled") return;
  if (file) return sendReply(res, file);

  const provider = findModule(modules, url.pathname);
  if (!provider) {
    sendReply(res, { status: 404, body: { error: `no simulated provider serves ${url.pathname}` } });
    return;
  }
  const ctx: Ctx = {
    sim,
    req,
    res,
    url,
    params: {},
    provider: provider.name,
    forced,
    plan: { queuedMs: 0, processingMs: 0, outcome: "success" },
    requestId: randomUUID(),
    body: lazyJsonBody(req),
  };
  const latency = latencyFor(sim, provider.name, req.headers);
  if (latency > 0) await sim.sleep(latency);

  const { reply, fault } = await dispatch(ctx, provider, method, url.pathname.slice(provider.prefix.length) || "/");
  log(sim, { at: Date.now(), provider: provider.name, method, path: url.pathname, status: reply.status, fault });
  if (fault === "timeout") {
    // The request was processed (a submit created its job) but the caller never hears back: the ambiguous
    // timeout that makes blind submit retries double-bill.
    await sim.sleep(sim.faults(provider.name).timeoutMs ?? 1_500);
    res.destroy();
    return;
  }
  sendReply(res, reply);
}

async function dispatch(
  ctx: Ctx,
  provider: ProviderModule,
  method: string,
  path: string,
): Promise<{ reply: Reply; fault?: string }> {
  const match = matchRoute(provider.routes, method, path);
  if (!match) return { reply: provider.errors.notFound() };
  ctx.params = match.params;
  const { route } = match;
  if (route.auth !== false) {
    const denied = provider.authenticate(ctx);
    if (denied) return { reply: denied };
  }
  const fault = route.faults === false ? null : rollRequestFault(ctx.sim, provider.name, ctx.forced);
  if (fault === "rate_limit") {
    const retryAfter = ctx.sim.faults(provider.name).retryAfterSeconds ?? 1;
    return { reply: provider.errors.rateLimited(retryAfter), fault };
  }
  if (fault === "server_error") {
    return { reply: provider.errors.serverError(ctx.sim.faults(provider.name).serverErrorStatus), fault };
  }
  if (route.submit) {
    if (rollQuota(ctx.sim, provider.name, ctx.forced)) return { reply: provider.errors.quotaExhausted(), fault: "quota" };
    ctx.plan = planJob(ctx.sim, provider.name, ctx.forced, ctx.req.headers);
  }
  try {
    return { reply: await route.handle(ctx), fault: fault ?? undefined };
  } catch (error) {
    if (error instanceof BodyError) return { reply: provider.errors.badRequest(error.message) };
    console.error(`[simulator] ${provider.name} ${method} ${path} failed`, error);
    return { reply: provider.errors.serverError(), fault: "crash" };
  }
}

function log(sim: Sim, entry: Sim["state"]["requests"][number]): void {
  sim.state.requests.push(entry);
  if (sim.state.requests.length > MAX_LOG) sim.state.requests.splice(0, sim.state.requests.length - MAX_LOG);
}
