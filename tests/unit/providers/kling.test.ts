import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { jwtVerify, decodeProtectedHeader } from "jose";
import { createKlingToken } from "@/lib/providers/kling/jwt";
import { buildKlingSubmit } from "@/lib/providers/kling/request";
import { klingCodeClass } from "@/lib/providers/kling/errors";
import { parseKlingTask } from "@/lib/providers/kling/status";
import { verifyKlingWebhook } from "@/lib/providers/kling/webhook";
import { addWebhookToken } from "@/lib/providers/webhook-token";
import { NO_INPUTS } from "@/lib/kling/inputs";
import type { GenerationParams } from "@/lib/kling/param-schemas";

describe("Kling JWT", () => {
  it("is HS256 with iss = access key, exp = +30 min, nbf = -5 s, verifiable independently", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const token = await createKlingToken({ accessKey: "sim-kling-access", secretKey: "sim-kling-secret", now });
    expect(decodeProtectedHeader(token)).toEqual({ alg: "HS256", typ: "JWT" });
    const { payload } = await jwtVerify(token, new TextEncoder().encode("sim-kling-secret"), { currentDate: now });
    const t = now.getTime() / 1000;
    expect(payload).toEqual({ iss: "sim-kling-access", exp: t + 1800, nbf: t - 5 });
    // The signature by hand with node:crypto, as Kling's Python sample computes it.
    const [h, p, s] = token.split(".");
    expect(createHmac("sha256", "sim-kling-secret").update(`${h}.${p}`).digest("base64url")).toBe(s);
    await expect(jwtVerify(token, new TextEncoder().encode("wrong"), { currentDate: now })).rejects.toThrow();
  });
});

describe("Kling request bodies", () => {
  const v3: GenerationParams = { prompt: "a lighthouse", negative_prompt: "blur", aspect_ratio: "3:2", resolution: "2k", num_images: 2 };
  it("V3 text-to-image → /v1/images/generations", () => {
    expect(buildKlingSubmit({ correlationId: "gen_1", model: "kling-v3", params: v3, inputs: NO_INPUTS, callbackUrl: "https://s/cb?cid=gen_1&token=t" })).toEqual({
      path: "/v1/images/generations",
      body: { model_name: "kling-v3", prompt: "a lighthouse", negative_prompt: "blur", resolution: "2k", n: 2, aspect_ratio: "3:2", callback_url: "https://s/cb?cid=gen_1&token=t", external_task_id: "gen_1" },
    });
  });
  it("V3 edit sends the source image and no negative prompt", () => {
    const { body } = buildKlingSubmit({ correlationId: "gen_2", model: "kling-v3", params: { ...v3, negative_prompt: undefined }, inputs: { images: [{ url: "https://s3/src.png" }], elements: [] } });
    expect(body).toEqual({ model_name: "kling-v3", prompt: "a lighthouse", image: "https://s3/src.png", resolution: "2k", n: 2, aspect_ratio: "3:2", external_task_id: "gen_2" });
  });
  it("O3 → /v1/images/omni-image with image_list, element_list, series and <<<image_N>>> references", () => {
    const params: GenerationParams = { prompt: "@image1 holding @element1", aspect_ratio: "auto", resolution: "4k", num_images: 1, result_type: "series", series_amount: 4 };
    const inputs = { images: [{ url: "https://s3/a.png" }], elements: [{ frontalImageUrl: "https://s3/f.png", klingElementId: "829836802793406551" }, { frontalImageUrl: "x", klingElementId: "42" }] };
    expect(buildKlingSubmit({ correlationId: "gen_3", model: "kling-v3-omni", params, inputs })).toEqual({
      path: "/v1/images/omni-image",
      body: {
        model_name: "kling-v3-omni", prompt: "<<<image_1>>> holding <<<element_1>>>", image_list: [{ image: "https://s3/a.png" }],
        element_list: [{ element_id: 829836802793406551n }, { element_id: 42n }],
        resolution: "4k", result_type: "series", series_amount: 4, aspect_ratio: "auto", external_task_id: "gen_3",
      },
    });
  });
});

describe("Kling responses", () => {
  it("maps business codes to classes", () => {
    expect([1000, 1004, 1100, 1102, 1103, 1201, 1203, 1301, 1302, 1303, 1304, 5001].map(klingCodeClass)).toEqual(
      ["auth", "auth", "quota", "quota", "auth", "invalid_input", "invalid_input", "safety", "rate_limited", "rate_limited", "auth", "transient"]);
  });
  it("reads statuses, images + series_images and the unit deduction", () => {
    expect(parseKlingTask({ task_id: "t", task_status: "submitted" })).toMatchObject({ status: "queued", outputs: [] });
    expect(parseKlingTask({ task_status: "processing" }).status).toBe("running");
    const done = parseKlingTask(
      { task_status: "succeed", final_unit_deduction: "2", task_result: { images: [{ index: 0, url: "https://k/1.png" }], series_images: [{ index: 0, url: "https://k/1.png" }, { index: 1, url: "https://k/2.png" }] } },
      { microsPerUnit: 14_000 },
    );
    expect(done).toMatchObject({ status: "succeeded", outputs: [{ url: "https://k/1.png" }, { url: "https://k/2.png" }], providerCostMicros: 28_000 });
    expect(parseKlingTask({ task_status: "succeed", final_unit_deduction: "2" }).providerCostMicros).toBeUndefined();
    expect(parseKlingTask({ task_status: "failed", task_status_msg: "Failure to pass the risk control system" }).error).toEqual({ class: "safety", message: "Failure to pass the risk control system" });
  });
});

describe("Kling callbacks (unsigned: URL token + body binding)", () => {
  const url = addWebhookToken({ url: "https://studio.example/api/webhooks/kling", secret: "s3cret", correlationId: "gen_K" });
  const body = (external: string, status = "succeed") => JSON.stringify({ task_id: "867283741759111202", task_status: status, task_info: { external_task_id: external } });
  it("accepts a callback for the URL's job as a hint to confirm", () => {
    const result = verifyKlingWebhook({ headers: {}, rawBody: body("gen_K"), url }, "s3cret");
    expect(result).toMatchObject({ ok: true, eventKey: "kling:867283741759111202:succeed", providerTaskId: "867283741759111202", correlationId: "gen_K", hintStatus: "succeeded", confirmWithStatus: true });
    const processing = verifyKlingWebhook({ headers: {}, rawBody: body("gen_K", "processing"), url }, "s3cret");
    expect(processing.ok && processing.eventKey).toBe("kling:867283741759111202:processing");
  });
  it("keeps every digit of an id sent as a bare number beyond 2^53", () => {
    const raw = '{"task_id":867283741759111202,"task_status":"succeed","task_info":{"external_task_id":"gen_K"}}';
    expect(verifyKlingWebhook({ headers: {}, rawBody: raw, url }, "s3cret")).toMatchObject({ ok: true, providerTaskId: "867283741759111202" });
  });
  it("rejects a forged token, another job's body and junk", () => {
    expect(verifyKlingWebhook({ headers: {}, rawBody: body("gen_K"), url }, "other")).toMatchObject({ ok: false, reason: "bad_token" });
    expect(verifyKlingWebhook({ headers: {}, rawBody: body("gen_OTHER"), url }, "s3cret")).toMatchObject({ ok: false, reason: "bad_token" });
    expect(verifyKlingWebhook({ headers: {}, rawBody: "not json", url }, "s3cret")).toMatchObject({ ok: false, reason: "malformed" });
  });
});
