import { z } from "zod";
import { klingTaskId } from "../../core/ids";
import type { KlingElementTask, Sim } from "../../core/sim";
import type { Reply, Route } from "../../core/types";
import { validate } from "../../core/validate";
import { klingError, klingErrors } from "./errors";
import { klingOk } from "./present";

// Kling's custom elements, 3.0 API (providers.md §1.4; field tables from the relays that proxy the official paths):
//   POST /v1/general/advanced-custom-elements        create → a task (task_id), the element is made in the background
//   GET  /v1/general/advanced-custom-elements/:id    the task (task_id or external_task_id); on success
//                                                    task_result.elements[0].element_id, a long
//   GET  /v1/general/advanced-custom-elements        the account's tasks, pageNum/pageSize as every Kling list
//   GET  /v1/general/advanced-presets-elements       Kling's own (official) elements
//   POST /v1/general/delete-elements                 { element_id: string } — custom elements only
// One account (the simulator's one key), so the library is the simulator's. Preset ids include the documented
// example 829836802793406551, so a request naming it keeps working as it does against Kling.

const CREATION_MS = 800;
const TAGS: Record<string, string> = { o_101: "热梗", o_102: "人物", o_103: "动物", o_104: "道具", o_105: "服饰", o_106: "场景", o_107: "特效", o_108: "其他" };
export const PRESET_ELEMENT_IDS: readonly bigint[] = [829836802793406551n, 829836802793406552n, 829836802793406553n];

const createSchema = z.object({
  element_name: z.string().min(1).max(20),
  element_description: z.string().min(1).max(100),
  reference_type: z.enum(["image_refer", "video_refer"]),
  element_image_list: z
    .object({
      frontal_image: z.string().min(1),
      refer_images: z.array(z.object({ image_url: z.string().min(1) })).min(1).max(3),
    })
    .optional(),
  element_video_list: z.unknown().optional(),
  tag_list: z.array(z.object({ tag_id: z.enum(Object.keys(TAGS) as [string, ...string[]]) })).optional(),
  callback_url: z.url().optional(),
  external_task_id: z.string().min(1).max(255).optional(),
});

const elementIdText = () => `8${Array.from({ length: 17 }, () => Math.floor(Math.random() * 10)).join("")}`;

function status(task: KlingElementTask, now: number): "submitted" | "succeed" {
  return now >= task.readyAt ? "succeed" : "submitted";
}

function present(task: KlingElementTask, now: number) {
  const done = status(task, now) === "succeed";
  return {
    task_id: task.taskId,
    task_status: status(task, now),
    task_status_msg: "",
    task_info: task.externalTaskId ? { external_task_id: task.externalTaskId } : {},
    task_result: {
      elements: done && !task.deletedAt
        ? [{
            element_id: task.elementId,
            element_name: task.name,
            element_description: task.description,
            element_type: "image_refer",
            element_image_list: { frontal_image: task.frontalImage, refer_images: task.referImages.map((image_url) => ({ image_url })) },
            owned_by: "creator",
            status: "succeed",
            tag_list: task.tags.map((id) => ({ id, name: TAGS[id], description: TAGS[id] })),
          }]
        : [],
    },
    created_at: task.createdAt,
    updated_at: done ? task.readyAt : task.createdAt,
    final_unit_deduction: "0",
  };
}

function findTask(sim: Sim, id: string): KlingElementTask | undefined {
  return sim.state.klingElements.get(id) ?? [...sim.state.klingElements.values()].find((t) => t.externalTaskId === id);
}

/** Whether a generation may name this element id: a preset, or a custom element that is ready and not deleted. */
export function klingElementUsable(sim: Sim, id: bigint | number): boolean {
  const wanted = BigInt(id);
  if (PRESET_ELEMENT_IDS.includes(wanted)) return true;
  const now = Date.now();
  return [...sim.state.klingElements.values()].some((t) => t.elementId === wanted && !t.deletedAt && now >= t.readyAt);
}

async function create(sim: Sim, raw: unknown): Promise<Reply> {
  const parsed = validate(createSchema, raw);
  if (!parsed.ok) {
    const issue = parsed.issues[0]!;
    return issue.kind === "missing"
      ? klingError(400, 1200, `Invalid request parameters: ${issue.message}`)
      : klingError(400, 1201, `Invalid key or value in request parameters: ${issue.message}`);
  }
  const body = parsed.data;
  if (body.reference_type !== "image_refer") return klingError(400, 1201, "Invalid key or value: only image_refer elements are simulated");
  if (!body.element_image_list) return klingError(400, 1200, "Invalid request parameters: element_image_list is required for image_refer");
  if (body.external_task_id && findTask(sim, body.external_task_id)) return klingError(400, 1201, "Invalid key or value: external_task_id already exists");
  const now = Date.now();
  const task: KlingElementTask = {
    taskId: klingTaskId(),
    elementId: BigInt(elementIdText()),
    name: body.element_name,
    description: body.element_description,
    frontalImage: body.element_image_list.frontal_image,
    referImages: body.element_image_list.refer_images.map((r) => r.image_url),
    tags: (body.tag_list ?? []).map((t) => t.tag_id),
    externalTaskId: body.external_task_id,
    createdAt: now,
    readyAt: now + CREATION_MS,
  };
  sim.state.klingElements.set(task.taskId, task);
  return klingOk({ task_id: task.taskId, task_status: "submitted", task_info: task.externalTaskId ? { external_task_id: task.externalTaskId } : {}, created_at: now, updated_at: now });
}

function page(url: URL): { from: number; to: number } | Reply {
  const pageNum = Number(url.searchParams.get("pageNum") ?? 1);
  const pageSize = Number(url.searchParams.get("pageSize") ?? 30);
  if (!Number.isInteger(pageNum) || pageNum < 1 || pageNum > 1000) return klingError(400, 1201, "pageNum must be in [1, 1000]");
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) return klingError(400, 1201, "pageSize must be in [1, 500]");
  return { from: (pageNum - 1) * pageSize, to: pageNum * pageSize };
}

export const klingElementRoutes: Route[] = [
  { method: "POST", path: "/v1/general/advanced-custom-elements", handle: async (ctx) => create(ctx.sim, await ctx.body()) },
  {
    method: "GET",
    path: "/v1/general/advanced-custom-elements",
    handle: async (ctx) => {
      const range = page(ctx.url);
      if ("status" in range) return range;
      const now = Date.now();
      const tasks = [...ctx.sim.state.klingElements.values()].filter((t) => !t.deletedAt).sort((a, b) => b.createdAt - a.createdAt);
      return klingOk(tasks.slice(range.from, range.to).map((t) => present(t, now)));
    },
  },
  {
    method: "GET",
    path: "/v1/general/advanced-custom-elements/:id",
    handle: async (ctx) => {
      const task = findTask(ctx.sim, ctx.params.id!);
      if (!task) return klingErrors.notFound(`Task ${ctx.params.id} does not exist`);
      return klingOk(present(task, Date.now()));
    },
  },
  {
    method: "GET",
    path: "/v1/general/advanced-presets-elements",
    handle: async (ctx) => {
      const range = page(ctx.url);
      if ("status" in range) return range;
      return klingOk(
        PRESET_ELEMENT_IDS.slice(range.from, range.to).map((id, i) => ({
          task_id: `preset-${i + 1}`,
          task_status: "succeed",
          task_result: { elements: [{ element_id: id, element_name: `Preset ${i + 1}`, element_type: "image_refer", owned_by: "kling", status: "succeed" }] },
        })),
      );
    },
  },
  {
    method: "POST",
    path: "/v1/general/delete-elements",
    handle: async (ctx) => {
      const body = (await ctx.body()) as { element_id?: unknown } | null;
      const raw = body?.element_id;
      // Documented as a string; a number is read the same way.
      const text = typeof raw === "string" ? raw : typeof raw === "number" || typeof raw === "bigint" ? String(raw) : "";
      if (!/^\d{1,19}$/.test(text)) return klingError(400, 1200, "Invalid request parameters: element_id is required");
      const id = BigInt(text);
      if (PRESET_ELEMENT_IDS.includes(id)) return klingError(400, 1201, "Invalid key or value: only custom elements can be deleted");
      const task = [...ctx.sim.state.klingElements.values()].find((t) => t.elementId === id && !t.deletedAt);
      if (!task) return klingErrors.notFound(`Element ${text} does not exist`);
      task.deletedAt = Date.now();
      return klingOk({ task_id: klingTaskId(), task_status: "succeed" });
    },
  },
];
