import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { buildOpenApi } from "@/lib/openapi/build-openapi";
import { API_TYPES_FILE, renderApiTypes } from "@/lib/openapi/render-api-types";

// The OpenAPI document must describe every /api/v1 operation the app serves, and be a valid OpenAPI 3.1 document.
const ROOT = path.resolve(import.meta.dirname, "../../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** "METHOD /api/v1/…/{param}" for every handler a route file exports, in the document's path syntax. */
function servedOperations(): string[] {
  return routeFiles(ROOT).flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    const urlPath = "/api/v1/" + path.relative(ROOT, path.dirname(file)).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/");
    return METHODS.filter((m) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b|export\\s*\\{[^}]*\\bas\\s+${m}\\b`).test(source)).map(
      (m) => `${m} ${urlPath}`,
    );
  });
}

describe("the OpenAPI document", () => {
  const doc = buildOpenApi("http://studio.test");

  it("has an operation for every handler under app/api/v1", () => {
    const served = servedOperations();
    expect(served.length).toBeGreaterThan(40);
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
    );
    expect(served.filter((op) => !documented.has(op))).toEqual([]);
    // …and nothing it no longer serves.
    expect([...documented].filter((op) => !served.includes(op))).toEqual([]);
  });

  it("validates as OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("resolves every $ref it uses", () => {
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    const missing = refs.map((r) => r.slice('"#/components/schemas/'.length, -1)).filter((name) => !(name in doc.components.schemas));
    expect(missing).toEqual([]);
  });

  it("matches the committed client types (run `npm run openapi:types` after changing it)", async () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, "../../..", API_TYPES_FILE), "utf8");
    expect(committed === (await renderApiTypes())).toBe(true);
  });
});
