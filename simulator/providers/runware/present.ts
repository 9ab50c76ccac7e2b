import { microsToUsd } from "../../core/pricing";
import type { Sim } from "../../core/sim";
import type { SimJob, SimOutput } from "../../core/types";
import { getImage } from "../../render/render-cache";
import { CONTENT_TYPES } from "../../render/render-image";
import { outputUrl } from "../../outputs/signed-url";
import type { RunwareIssue } from "./errors";

// One result item, flat (the seed's response shape). getResponse adds `status`; webhooks post it as-is.
export async function resultItem(sim: Sim, job: SimJob, output: SimOutput, withStatus = false) {
  const outputType = job.meta.outputType as string;
  const item: Record<string, unknown> = {
    taskType: "imageInference",
    taskUUID: job.id,
    ...(withStatus ? { status: "success" } : {}),
    imageUUID: output.id,
  };
  if (outputType === "URL") item.imageURL = outputUrl(sim, output);
  else {
    const base64 = (await getImage(output.spec)).toString("base64");
    if (outputType === "base64Data") item.imageBase64Data = base64;
    else item.imageDataURI = `data:${CONTENT_TYPES[output.spec.format]};base64,${base64}`;
  }
  item.seed = output.spec.seed;
  if (job.meta.checkNSFW) item.NSFWContent = false;
  if (job.meta.includeCost) item.cost = microsToUsd(job.unitPriceMicros);
  return item;
}

export const processingItem = (job: SimJob) => ({ taskType: "imageInference", taskUUID: job.id, status: "processing" });

export function jobError(job: SimJob): RunwareIssue {
  const safety = job.plan.outcome === "safety";
  return {
    code: safety ? "contentModerated" : "providerError",
    message: safety
      ? "The provider's content moderation rejected this request or its output"
      : "The provider failed to generate the image, retry the task",
    taskType: "imageInference",
    taskUUID: job.id,
  };
}
