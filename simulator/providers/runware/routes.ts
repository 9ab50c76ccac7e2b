import { RUNWARE_API_KEY } from "../../credentials";
import type { Ctx, ProviderModule, Reply } from "../../core/types";
import { runwareErrors, runwareReply } from "./errors";
import { httpStatusOf, processTasks } from "./tasks";

// REST: POST /v1 with a JSON array of tasks. Auth is either the Bearer header or an authentication task in the
// array, so it is checked inside the handler rather than by the pipeline.
async function handle(ctx: Ctx): Promise<Reply> {
  const body = await ctx.body();
  if (!Array.isArray(body)) {
    return runwareReply(400, [{ code: "invalidPayload", message: "The request body must be a JSON array of task objects" }]);
  }
  const header = ctx.req.headers.authorization;
  const bearer = header ? /^Bearer\s+(.+)$/i.exec(header.trim())?.[1] : undefined;
  if (header && bearer !== RUNWARE_API_KEY) {
    return runwareReply(401, [{ code: "invalidApiKey", message: "Invalid API key. Get one at https://my.runware.ai/signup", parameter: "apiKey", taskType: "authentication" }]);
  }
  const result = await processTasks({ sim: ctx.sim, headers: ctx.req.headers, forced: ctx.forced, authorized: Boolean(header) }, body);
  return {
    status: httpStatusOf(result),
    body: { data: result.data, ...(result.errors.length > 0 ? { errors: result.errors } : {}) },
  };
}

export const runware: ProviderModule = {
  name: "runware",
  prefix: "/runware",
  errors: runwareErrors,
  authenticate: () => null,
  routes: [{ method: "POST", path: "/v1", auth: false, handle }],
};
