// GET /api/v1/openapi.json - the API's OpenAPI 3.1 document, generated from the zod schemas (public)
import { env } from "@/lib/env";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { buildOpenApi } from "@/lib/openapi/build-openapi";

export const GET = route(async () => json(buildOpenApi(env().APP_URL)));
