import type { ProviderModule, Route } from "./types";

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const compiled = new WeakMap<Route, CompiledRoute>();

function compile(route: Route): CompiledRoute {
  const cached = compiled.get(route);
  if (cached) return cached;
  const names: string[] = [];
  const source = route.path
    .split("/")
    .map((segment) => {
      if (!segment.startsWith(":")) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(segment.slice(1));
      return "([^/]+)";
    })
    .join("/");
  const entry = { route, pattern: new RegExp(`^${source}/?$`), names };
  compiled.set(route, entry);
  return entry;
}

export function findModule(modules: ProviderModule[], pathname: string): ProviderModule | undefined {
  // Longest prefix first so `/fal` never shadows a more specific prefix.
  return [...modules]
    .sort((a, b) => b.prefix.length - a.prefix.length)
    .find((m) => pathname === m.prefix || pathname.startsWith(`${m.prefix}/`));
}

export function matchRoute(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const { pattern, names } = compile(route);
    const match = pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1]!);
    });
    return { route, params };
  }
  return null;
}
