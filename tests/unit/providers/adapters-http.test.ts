import { afterAll, describe, expect, it } from "vitest";
import { jwtVerify } from "jose";
import { startFakeServer, type Recorded, type Reply } from "./fake-server";
import { createProviderAdapter } from "@/lib/providers/registry";
import { runwareTaskUuid } from "@/lib/providers/runware/request";
import { httpRequest } from "@/lib/providers/http";
import { ProviderError } from "@/lib/providers/provider-error";
import { readWebhookToken } from "@/lib/providers/webhook-token";
import type { SubmitRequest } from "@/lib/providers/types";

// Each adapter against a throwaway server answering like the provider: which URL, headers and body go out, and
// how the answers come back. The simulator tests cover the real protocol end to end.
let route: (req: Recorded) => Reply = () => ({ status: 500 });
const server = await startFakeServer((req) => route(req));
afterAll(() => server.close());
const last = () => server.requests.at(-1)!;
const v3 = (extra: Partial<SubmitRequest> = {}): SubmitRequest => ({
  correlationId: "gen_01HTTP", model: "kling-v3", mode: "text-to-image", params: { prompt: "a fox", aspect_ratio: "1:1", resolution: "1k", num_images: 1 }, inputs: { images: [], elements: [] }, ...extra,
});
const WEBHOOK = "https://studio.example/api/webhooks/x";

describe("adapters over HTTP", () => {
  it("kling: Bearer JWT, callback with token, envelope codes", async () => {
    const kling = createProviderAdapter({ provider: "kling", baseUrl: `${server.url}/kling`, credentials: { accessKey: "ak", secretKey: "sk" }, webhookTokenSecret: "wts" });
    route = () => ({ json: { code: 0, message: "SUCCEED", request_id: "r", data: { task_id: "T1", task_status: "submitted" } } });
    expect(await kling.submit({ ...v3(), webhookUrl: WEBHOOK })).toMatchObject({ providerTaskId: "T1" });
    expect(last()).toMatchObject({ method: "POST", url: "/kling/v1/images/generations" });
    const jwt = String(last().headers.authorization).replace("Bearer ", "");
    expect((await jwtVerify(jwt, new TextEncoder().encode("sk"))).payload.iss).toBe("ak");
    expect(readWebhookToken({ url: (last().json as { callback_url: string }).callback_url, secret: "wts" })).toEqual({ ok: true, correlationId: "gen_01HTTP" });

    route = () => ({ json: { code: 0, data: { task_id: "T1", task_status: "succeed", task_result: { images: [{ index: 0, url: "https://k/1.png" }] } } } });
    expect(await kling.getStatus({ providerTaskId: "T1", correlationId: "gen_01HTTP", model: "kling-v3-omni" })).toMatchObject({ status: "succeeded", outputs: [{ url: "https://k/1.png" }] });
    expect(last().url).toBe("/kling/v1/images/omni-image/T1");

    route = () => ({ status: 429, json: { code: 1303, message: "parallel task over resource pack limit", request_id: "r" } });
    await expect(kling.submit(v3())).rejects.toMatchObject({ errorClass: "rate_limited", providerCode: "1303", retryAfterMs: 1000, ambiguous: false });
    route = () => ({ status: 400, json: { code: 1203, message: "not found" } });
    expect(await kling.findByCorrelationId!({ correlationId: "gen_01HTTP", model: "kling-v3" })).toBeNull();
    expect(last().url).toBe("/kling/v1/images/generations/gen_01HTTP");
  });

  it("refuses what the provider cannot do before sending anything", async () => {
    const segmind = createProviderAdapter({ provider: "segmind", baseUrl: `${server.url}/segmind`, credentials: { apiKey: "k" } });
    const before = server.requests.length;
    const error = await segmind.submit({ ...v3(), model: "kling-v3-omni", params: { prompt: "p", aspect_ratio: "auto", resolution: "1k", num_images: 1, result_type: "single" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ errorClass: "invalid_input", fields: { model: expect.stringMatching(/Segmind/) } });
    await expect(segmind.submit(v3({ params: { prompt: "", aspect_ratio: "1:1", resolution: "1k", num_images: 1 } }))).rejects.toMatchObject({ fields: { prompt: expect.any(String) } });
    expect(server.requests.length).toBe(before);
  });

  it("wavespeed: ?webhook=, Bearer key, result polling", async () => {
    const ws = createProviderAdapter({ provider: "wavespeed", baseUrl: `${server.url}/wavespeed`, credentials: { apiKey: "wk", webhookSecret: "s" }, webhookTokenSecret: "wts" });
    route = () => ({ json: { code: 200, message: "success", data: { id: "p1", status: "created", outputs: [] } } });
    expect(await ws.submit({ ...v3(), webhookUrl: WEBHOOK })).toMatchObject({ providerTaskId: "p1" });
    const url = new URL(last().url, server.url);
    expect(url.pathname).toBe("/wavespeed/api/v3/kwaivgi/kling-image-v3/text-to-image");
    expect(readWebhookToken({ url: url.searchParams.get("webhook")!, secret: "wts" }).ok).toBe(true);
    expect(last().headers.authorization).toBe("Bearer wk");
    route = () => ({ json: { code: 200, data: { id: "p1", status: "completed", outputs: ["https://w/1.png"] } } });
    expect(await ws.getStatus({ providerTaskId: "p1", correlationId: "gen_01HTTP", model: "kling-v3" })).toMatchObject({ status: "succeeded", outputs: [{ url: "https://w/1.png" }] });
    expect(last().url).toBe("/wavespeed/api/v3/predictions/p1/result");
    route = () => ({ status: 401, json: { code: 401, message: "Unauthorized" } });
    await expect(ws.getStatus({ providerTaskId: "p1", correlationId: "gen_01HTTP", model: "kling-v3" })).rejects.toMatchObject({ errorClass: "auth" });
  });

  it("runware: task array to /v1, getResponse polling, reconcile by derived taskUUID", async () => {
    const rw = createProviderAdapter({ provider: "runware", baseUrl: `${server.url}/runware`, credentials: { apiKey: "rk" }, webhookTokenSecret: "wts" });
    const uuid = runwareTaskUuid("gen_01HTTP");
    route = () => ({ json: { data: [{ taskType: "imageInference", taskUUID: uuid }] } });
    expect(await rw.submit(v3())).toMatchObject({ providerTaskId: uuid });
    expect(last()).toMatchObject({ method: "POST", url: "/runware/v1" });
    expect((last().json as object[])[0]).toMatchObject({ taskUUID: uuid, width: 1024, height: 1024, deliveryMethod: "async" });
    route = () => ({ json: { data: [{ taskType: "imageInference", taskUUID: uuid, status: "success", imageURL: "https://im/1.jpg", cost: 0.028 }] } });
    expect(await rw.findByCorrelationId!({ correlationId: "gen_01HTTP", model: "kling-v3" })).toMatchObject({ providerTaskId: uuid, status: "succeeded", providerCostMicros: 28_000 });
    expect(last().json).toEqual([{ taskType: "getResponse", taskUUID: uuid }]);
    route = () => ({ status: 402, json: { errors: [{ code: "insufficientCredits", message: "Insufficient credits" }] } });
    await expect(rw.submit(v3())).rejects.toMatchObject({ errorClass: "quota" });
  });

  it("segmind: x-api-key, v2 submit, status then result", async () => {
    const sg = createProviderAdapter({ provider: "segmind", baseUrl: `${server.url}/segmind`, credentials: { apiKey: "sk" } });
    route = () => ({ json: { request_id: "r1", status: "QUEUED" } });
    expect(await sg.submit(v3())).toMatchObject({ providerTaskId: "r1" });
    expect(last()).toMatchObject({ url: "/segmind/v2/kling-3-text2image", headers: { "x-api-key": "sk" } });
    route = (req) => (req.url.endsWith("/status") ? { json: { status: "COMPLETED" } } : { json: { output: "https://sg/1.png", metrics: { cost: 0.035 } } });
    expect(await sg.getStatus({ providerTaskId: "r1", correlationId: "gen_01HTTP", model: "kling-v3" })).toMatchObject({ status: "succeeded", providerCostMicros: 35_000 });
    expect(server.requests.slice(-2).map((r) => r.url)).toEqual(["/segmind/v2/requests/r1/status", "/segmind/v2/requests/r1"]);
    expect(await sg.verifyWebhook({ headers: {}, rawBody: "", url: "https://x" })).toMatchObject({ ok: false, reason: "unsupported" });
  });

  it("fal: Key auth, ?fal_webhook=, app-root status/result, cancel", async () => {
    const fal = createProviderAdapter({ provider: "fal", baseUrl: `${server.url}/fal/queue`, jwksUrl: `${server.url}/jwks`, credentials: { key: "id:secret" }, webhookTokenSecret: "wts" });
    route = () => ({ json: { request_id: "q1", status: "IN_QUEUE" } });
    expect(await fal.submit({ ...v3(), webhookUrl: WEBHOOK })).toMatchObject({ providerTaskId: "q1" });
    const url = new URL(last().url, server.url);
    expect(url.pathname).toBe("/fal/queue/fal-ai/kling-image/v3/text-to-image");
    expect(url.searchParams.get("fal_webhook")).toMatch(/^https:\/\/studio\.example\/api\/webhooks\/x\?cid=gen_01HTTP&token=/);
    expect(last().headers.authorization).toBe("Key id:secret");
    route = (req) => (req.url.endsWith("/status") ? { json: { status: "COMPLETED" } } : { json: { images: [{ url: "https://v3.fal.media/a.png", width: 1024, height: 1024 }] } });
    expect(await fal.getStatus({ providerTaskId: "q1", correlationId: "gen_01HTTP", model: "kling-v3" })).toMatchObject({ status: "succeeded", outputs: [{ width: 1024 }] });
    expect(last().url).toBe("/fal/queue/fal-ai/kling-image/requests/q1");
    route = () => ({ status: 202, json: { status: "CANCELLATION_REQUESTED" } });
    await fal.cancel!({ providerTaskId: "q1", model: "kling-v3" });
    expect(last()).toMatchObject({ method: "PUT", url: "/fal/queue/fal-ai/kling-image/requests/q1/cancel" });
  });
});

describe("httpRequest failures", () => {
  it("a timeout after sending is ambiguous for a submit, not for a read", async () => {
    route = () => ({ delayMs: 300, json: {} });
    await expect(httpRequest({ url: `${server.url}/slow`, method: "POST", json: {}, timeoutMs: 50 })).rejects.toMatchObject({ errorClass: "transient", providerCode: "timeout", ambiguous: true });
    await expect(httpRequest({ url: `${server.url}/slow`, method: "GET", timeoutMs: 50 })).rejects.toMatchObject({ ambiguous: false });
  });
  it("a refused connection never reached the provider: not ambiguous", async () => {
    const closed = await startFakeServer(() => ({}));
    await closed.close();
    await expect(httpRequest({ url: `${closed.url}/x`, method: "POST", json: {}, timeoutMs: 2000 })).rejects.toMatchObject({ errorClass: "transient", providerCode: "ECONNREFUSED", ambiguous: false });
  });
});
