import fs from "node:fs";
import path from "node:path";

// Walks app/ at test time, so a route, page or server action added by anyone is covered (or fails) without being
// listed here first.
export const ROOT = path.resolve(import.meta.dirname, "../../..");
const APP = path.join(ROOT, "app");

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** "app/(studio)/projects/[projectId]/page.tsx" → "/projects/[projectId]" (route groups, slots and interception markers vanish). */
export function urlTemplate(file: string): string {
  // An intercepting route's marker ("(.)assets") serves the URL without it, like a route group.
  const parts = rel(file).split("/").slice(1, -1).filter((p) => !/^\(.*\)$/.test(p) && !p.startsWith("@")).map((p) => p.replace(/^(\(\.+\))+/, ""));
  return `/${parts.join("/")}`;
}

export type DiscoveredRoute = { file: string; template: string; methods: HttpMethod[] };

export function discoverRoutes(): DiscoveredRoute[] {
  return walk(APP)
    .filter((f) => /\/route\.(ts|tsx|js|mjs)$/.test(f))
    .map((file) => ({ file: rel(file), template: urlTemplate(file), methods: exportedMethods(fs.readFileSync(file, "utf8")) }))
    .sort((a, b) => a.template.localeCompare(b.template));
}

function exportedMethods(source: string): HttpMethod[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let|var)\s+([A-Z]+)\b/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let)\s*\{([^}]*)\}/g)) m[1]!.split(",").forEach((n) => names.add(n.trim().split(/\s*:\s*/).pop()!));
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) m[1]!.split(",").forEach((n) => names.add(n.trim().split(/\s+as\s+/).pop()!));
  return HTTP_METHODS.filter((method) => names.has(method));
}

export type DiscoveredActionFile = { file: string; exports: string[] };

/** Modules whose first statement is "use server": every export is a server action callable by anyone over HTTP. */
export function discoverActionFiles(): DiscoveredActionFile[] {
  return walk(APP)
    .filter((f) => /\.(ts|tsx|js|mjs)$/.test(f))
    .map((file) => ({ file, source: fs.readFileSync(file, "utf8") }))
    .filter(({ source }) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use server\1/.test(source))
    .map(({ file, source }) => {
      const names = new Set<string>();
      for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+(\w+)/g)) names.add(m[1]!);
      for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) m[1]!.split(",").forEach((n) => n.trim() && names.add(n.trim().split(/\s+as\s+/).pop()!));
      return { file: rel(file), exports: [...names].sort() };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

export function discoverPages(): { file: string; template: string }[] {
  return walk(APP)
    .filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f))
    .map((file) => ({ file: rel(file), template: urlTemplate(file) }));
}

/** Fills [segments] from the fixture map; an unknown segment is an error naming where to register it. */
export function fillTemplate(template: string, segments: Record<string, string>, where: string): string {
  return template.replace(/\[\[?(?:\.\.\.)?(\w+)\]?\]/g, (_, name: string) => {
    const value = segments[name];
    if (value === undefined) {
      throw new Error(`${where}: no fixture for the dynamic segment [${name}]. Add it to SEGMENTS in tests/integration/access/world.ts (a real row of the victim team).`);
    }
    return encodeURIComponent(value);
  });
}

export function dynamicSegments(template: string): string[] {
  return [...template.matchAll(/\[\[?(?:\.\.\.)?(\w+)\]?\]/g)].map((m) => m[1]!);
}
