import fs from "node:fs/promises";
import { API_TYPES_FILE, renderApiTypes } from "@/lib/openapi/render-api-types";

// npm run openapi:types — regenerate the API's TypeScript types after changing the OpenAPI document.
await fs.writeFile(API_TYPES_FILE, await renderApiTypes());
console.log(`wrote ${API_TYPES_FILE}`);
