import fs from "node:fs";
import path from "node:path";

type ManifestRule = { regex: string; headers: { key: string; value: string }[]; has?: unknown; missing?: unknown };

/**
 * The response headers next.config.mjs's `headers()` gives a path, read from the build's routes manifest (where
 * `next build` fixes them), for responses the custom server writes without Next (scripts/server.ts fast paths): they
 * carry exactly what Next would have added, with no second copy of the list to keep in step. Rules with `has` or
 * `missing` conditions are skipped (we have none; Next would need the request to judge them).
 */
export function manifestHeaders(distDir: string): (pathname: string) => [string, string][] {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")) as { headers?: ManifestRule[] };
  const rules = (manifest.headers ?? [])
    .filter((rule) => rule.has === undefined && rule.missing === undefined)
    .map((rule) => ({ regex: new RegExp(rule.regex), headers: rule.headers.map((h) => [h.key, h.value] as [string, string]) }));
  return (pathname) => rules.filter((rule) => rule.regex.test(pathname)).flatMap((rule) => rule.headers);
}
