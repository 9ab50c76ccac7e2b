import { describe, expect, it } from "vitest";
import { buildRunwareSubmit, runwareTaskUuid } from "@/lib/providers/runware/request";
import { parseRunwareResponse } from "@/lib/providers/runware/status";
import { verifyRunwareWebhook } from "@/lib/providers/runware/webhook";
import { addWebhookToken } from "@/lib/providers/webhook-token";
import { parseGenerationParams } from "@/lib/kling/parse-params";
import { NO_INPUTS } from "@/lib/kling/inputs";

const params = (raw: object, model: "kling-v3" | "kling-v3-omni" = "kling-v3", mode: "text-to-image" | "edit" | "multi-reference" = "text-to-image") => {
  const r = parseGenerationParams({ model, mode, params: raw });
  if (!r.ok) throw new Error(JSON.stringify(r.fields));
  return r.params;
};
// What every async task adds to the seed's sync examples.
const ASYNC = { numberResults: 1, outputType: "URL", deliveryMethod: "async", includeCost: true };

describe("Runware wire bodies (seed 004)", () => {
  it("Velvet Circus: text-to-image at 2:3 2k is width 1664 × height 2496", () => {
    const seed = { taskType: "imageInference", taskUUID: "3ba7ae08-76de-4f81-ab0f-64c7aaf0000f", model: "klingai:kling-image@3", positivePrompt: "An elegant vintage circus dressing room", width: 1664, height: 2496 };
    expect(buildRunwareSubmit({ correlationId: seed.taskUUID, model: "kling-v3", params: params({ prompt: seed.positivePrompt, aspect_ratio: "2:3", resolution: "2k" }), inputs: NO_INPUTS })).toEqual([{ ...seed, ...ASYNC }]);
  });
  it("Amber Archive: edit at 3:2 2k sends the reference image", () => {
    const seed = {
      taskType: "imageInference", taskUUID: "fe404c02-8897-490c-8c56-6f800e0bbaf3", model: "klingai:kling-image@3", positivePrompt: "Transform the reference composition",
      width: 2496, height: 1664, inputs: { referenceImages: ["https://assets.runware.ai/assets/inputs/ca759048-2e8d-4bf1-9a16-4f0d1bab46bc.jpg"] },
    };
    const inputs = { images: [{ url: seed.inputs.referenceImages[0]! }], elements: [] };
    expect(buildRunwareSubmit({ correlationId: seed.taskUUID, model: "kling-v3", params: params({ prompt: seed.positivePrompt, aspect_ratio: "3:2", resolution: "2k" }, "kling-v3", "edit"), inputs })).toEqual([{ ...seed, ...ASYNC }]);
  });
  it("maps O3, formats, seed, webhook and `auto` sizing", () => {
    const webhookUrl = "https://studio/wh?cid=gen_1&token=t";
    const [task] = buildRunwareSubmit({ correlationId: "gen_1", model: "kling-v3-omni", params: params({ prompt: "p", resolution: "4k", num_images: 3, output_format: "jpeg", seed: 42 }, "kling-v3-omni", "multi-reference"), inputs: { images: [{ url: "https://s3/a.png" }], elements: [] }, webhookUrl });
    expect(task).toEqual({
      taskType: "imageInference", taskUUID: runwareTaskUuid("gen_1"), model: "klingai:kling-image@o3", positivePrompt: "p", resolution: "4k",
      inputs: { referenceImages: ["https://s3/a.png"] }, numberResults: 3, outputType: "URL", outputFormat: "JPG", seed: 42, deliveryMethod: "async", includeCost: true, webhookURL: webhookUrl,
    });
    const [measured] = buildRunwareSubmit({ correlationId: "gen_1", model: "kling-v3-omni", params: params({ prompt: "p" }, "kling-v3-omni", "multi-reference"), inputs: { images: [{ url: "u", width: 1920, height: 1080 }], elements: [] } });
    expect(measured).toMatchObject({ width: 1360, height: 768 });
    const [textOnly] = buildRunwareSubmit({ correlationId: "gen_1", model: "kling-v3-omni", params: params({ prompt: "p" }, "kling-v3-omni", "text-to-image"), inputs: NO_INPUTS });
    expect(textOnly).toMatchObject({ width: 1024, height: 1024 });
  });
  it("derives a stable UUIDv4 from our correlation id", () => {
    const uuid = runwareTaskUuid("gen_01JD0000000000000000000000");
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(runwareTaskUuid("gen_01JD0000000000000000000000")).toBe(uuid);
    expect(runwareTaskUuid("gen_01JD0000000000000000000001")).not.toBe(uuid);
  });
});

describe("Runware getResponse", () => {
  const T = "3ba7ae08-76de-4f81-ab0f-64c7aaf0000f";
  const item = (n: number, extra: object = {}) => ({ taskType: "imageInference", taskUUID: T, status: "success", imageUUID: `img-${n}`, imageURL: `https://im.runware.ai/image/${n}.jpg`, cost: 0.028, ...extra });
  it("waits for every expected image, then sums the cost", () => {
    expect(parseRunwareResponse({ data: [] }, { taskUUID: T }).status).toBe("queued");
    expect(parseRunwareResponse({ data: [{ taskUUID: T, status: "processing" }] }, { taskUUID: T }).status).toBe("running");
    expect(parseRunwareResponse({ data: [item(1)] }, { taskUUID: T, expectedImages: 2 }).status).toBe("running");
    expect(parseRunwareResponse({ data: [item(1), item(2), { taskUUID: "other", status: "success", imageURL: "x" }] }, { taskUUID: T, expectedImages: 2 })).toMatchObject({
      status: "succeeded", outputs: [{ url: "https://im.runware.ai/image/1.jpg", format: "jpeg" }, { url: "https://im.runware.ai/image/2.jpg", format: "jpeg" }], providerCostMicros: 56_000,
    });
  });
  it("reports task errors with a class", () => {
    const failed = parseRunwareResponse({ errors: [{ code: "invalidPositivePrompt", message: "Invalid value for positivePrompt", taskUUID: T }] }, { taskUUID: T });
    expect(failed).toMatchObject({ status: "failed", error: { class: "invalid_input" } });
    expect(parseRunwareResponse({ data: [{ taskUUID: T, status: "error", message: "NSFW content detected" }] }, { taskUUID: T }).error?.class).toBe("safety");
  });
});

describe("Runware webhooks (unsigned, one per image)", () => {
  const url = addWebhookToken({ url: "https://studio/api/webhooks/runware", secret: "s", correlationId: "gen_R" });
  const body = (taskUUID: string, imageUUID = "img-1") => JSON.stringify({ taskType: "imageInference", taskUUID, imageUUID, imageURL: "https://im/1.jpg", cost: 0.028 });
  it("binds the body's taskUUID to the URL's job and keys events per image", () => {
    const ok = verifyRunwareWebhook({ headers: {}, rawBody: body(runwareTaskUuid("gen_R")), url }, "s");
    expect(ok).toMatchObject({ ok: true, eventKey: `runware:${runwareTaskUuid("gen_R")}:img-1`, correlationId: "gen_R", confirmWithStatus: true });
    expect(verifyRunwareWebhook({ headers: {}, rawBody: body(runwareTaskUuid("gen_OTHER")), url }, "s")).toMatchObject({ ok: false, reason: "bad_token" });
    expect(verifyRunwareWebhook({ headers: {}, rawBody: body(runwareTaskUuid("gen_R")), url }, "wrong")).toMatchObject({ ok: false, reason: "bad_token" });
  });
});
