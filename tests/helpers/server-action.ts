import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * The id Next gave a server action (`file` relative to the repo, e.g. "app/invite/[token]/actions.ts"), read from the
 * build's server-reference manifest as tests/integration/access/route-guard.test.ts does. Under `next dev` the page
 * that uses the action must have been requested once (pages compile on first request).
 */
export function serverActionId(file: string, exportedName: string): string {
  const dist = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next-test");
  const manifests = [path.join(dist, "dev/server/server-reference-manifest.json"), path.join(dist, "server/server-reference-manifest.json")]
    .filter((f) => fs.existsSync(f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  const entries = (JSON.parse(fs.readFileSync(manifests[0]!, "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> }).node;
  const found = Object.entries(entries).find(([, e]) => e.filename === file && e.exportedName === exportedName);
  if (!found) throw new Error(`${file}#${exportedName} is not in the server-reference manifest`);
  return found[0];
}

/**
 * Posts a form to a useActionState action as Next's client does (React's reply encoding: "0" is the argument list —
 * the previous state, then "$K1", the FormData whose fields are sent as "_1_<name>").
 */
export async function callFormAction(options: { pageUrl: string; actionId: string; form: Record<string, string>; headers?: Record<string, string> }) {
  const body = new FormData();
  for (const [field, value] of Object.entries(options.form)) body.append(`_1_${field}`, value);
  body.append("0", JSON.stringify([{}, "$K1"]));
  const res = await fetch(options.pageUrl, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { "next-action": options.actionId, accept: "text/x-component", origin: inject("appUrl"), ...options.headers },
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
