import { createHash } from "node:crypto";
import { field, str, type HttpResponse } from "@/lib/providers/http";
import { ProviderError } from "@/lib/providers/provider-error";
import { klingError } from "@/lib/providers/kling/errors";
import type { ElementKindHint, ElementTask, ProviderElementLibrary } from "@/lib/providers/types";

// Kling's custom elements (the 3.0 "advanced" API, providers.md §1.4; request and answer shapes from the relays that
// proxy the official paths): create returns a task, the task's query gives `task_result.elements[].element_id` (a
// long) once it succeeds, delete takes the id as a string. Images + tags are what the omni-image model reads.
const PATH = "/v1/general/advanced-custom-elements";

// Kling's tag list (o_101 … o_108): character → 人物, product → 道具 (prop), scene → 场景, the rest → 其他 (other).
const TAGS: Record<ElementKindHint, string> = { character: "o_102", product: "o_104", scene: "o_106", brand: "o_108", style: "o_108", other: "o_108" };

type Call = (method: "GET" | "POST", path: string, json?: unknown) => Promise<HttpResponse>;

/** Names an account by its access key without keeping the key: the same key always gives the same name. */
export function klingAccount(accessKey: string): string {
  return `kling:${createHash("sha256").update(accessKey).digest("hex").slice(0, 24)}`;
}

export function klingElementLibrary(options: { accessKey: string; call: Call }): ProviderElementLibrary {
  const { call } = options;
  return {
    account: klingAccount(options.accessKey),

    async create(request) {
      // Kling wants 1–3 views besides the frontal one; an element with none offers its frontal image again.
      const refer = (request.referenceImageUrls.length ? request.referenceImageUrls : [request.frontalImageUrl]).slice(0, 3);
      const response = await call("POST", PATH, {
        element_name: [...request.name].slice(0, 20).join(""),
        element_description: [...(request.description || request.name)].slice(0, 100).join(""),
        reference_type: "image_refer",
        element_image_list: { frontal_image: request.frontalImageUrl, refer_images: refer.map((url) => ({ image_url: url })) },
        tag_list: [{ tag_id: TAGS[request.kind] }],
      });
      const error = klingError(response, { submit: false });
      if (error) throw error;
      const taskId = str(field(response.json, "data", "task_id"));
      if (!taskId) throw new ProviderError("transient", "Kling accepted the element but returned no task_id");
      return { taskId };
    },

    async poll(taskId): Promise<ElementTask> {
      const response = await call("GET", `${PATH}/${encodeURIComponent(taskId)}`);
      const error = klingError(response, { submit: false });
      if (error) throw error;
      const data = field(response.json, "data");
      const status = str(field(data, "task_status"));
      if (status === "failed") return { status: "failed", message: str(field(data, "task_status_msg")) ?? "Kling could not create the element" };
      if (status !== "succeed") return { status: "pending" };
      const elementId = str(field(data, "task_result", "elements", 0, "element_id"));
      if (!elementId) return { status: "failed", message: "Kling finished the element task without an element id" };
      return { status: "succeeded", elementId };
    },

    async remove(elementId) {
      const response = await call("POST", "/v1/general/delete-elements", { element_id: elementId });
      const error = klingError(response, { submit: false });
      if (error) throw error;
    },
  };
}

/**
 * Kling documents no dedicated code for a generation naming an element that no longer exists; it answers such a
 * body as an invalid parameter value (1201) naming `element_id`. That answer, and only it, means "re-create".
 */
export function isMissingElement(error: ProviderError): boolean {
  return error.providerCode === "1201" && /element_id/i.test(error.message) && /not exist|not found/i.test(error.message);
}
