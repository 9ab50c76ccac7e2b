// Loaded with `--import` by every Node process that runs lib/ outside Next (worker, `npm start`'s server, dev stack,
// seeds, scripts, test stack): `import "server-only"` guards lib's server modules against a client bundle, and the
// package throws unless resolved under the `react-server` condition, which only Next's server layer sets. Turning that
// condition on process-wide would also switch React and Next to their server builds, so this resolves just that one
// package the way Next's server layer does. Vitest does the same with an alias (vitest.config.ts).
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
