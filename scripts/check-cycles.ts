// `npm run check:cycles` (part of `npm test`) - fails on any import cycle between files, type-only imports included:
// a loop means no file in it can be read, tested or moved on its own (issue 17: the job files that were both the
// queue's contract and its handler looped through the whole generation pipeline). Resolves the `@/` alias through
// tsconfig.json, like tsc.
import { parseCircular, parseDependencyTree, prettyCircular } from "dpdm";

const PRODUCT = ["app/**/*.ts", "app/**/*.tsx", "lib/**/*.ts", "scripts/**/*.ts", "prisma/**/*.ts", "tests/**/*.ts", "*.ts"];

// The simulator is a separate program (the outside world) whose core types name its server class; only its runtime
// imports are checked (type-only imports erased), and the product's files above don't follow into it.
const checks = [
  { label: "app, lib, scripts, prisma, tests", entries: PRODUCT, exclude: /node_modules|lib\/generated|(^|\/)simulator\//, transform: false },
  { label: "simulator (runtime imports)", entries: ["simulator/**/*.ts"], exclude: /node_modules|lib\/generated/, transform: true },
];

let failed = false;
for (const check of checks) {
  const tree = await parseDependencyTree(check.entries, {
    context: process.cwd(),
    tsconfig: "tsconfig.json",
    transform: check.transform,
    exclude: check.exclude,
  });
  const cycles = parseCircular(tree);
  const files = Object.values(tree).filter(Boolean).length;
  if (cycles.length === 0) {
    console.info(`check-cycles: ${check.label}: ${files} files, no import cycles`);
    continue;
  }
  failed = true;
  console.error(`check-cycles: ${check.label}: ${cycles.length} import cycle(s):\n${prettyCircular(cycles)}`);
}
if (failed) {
  console.error("Break each loop: move what both sides need into a third file (a contract, a type, lib/errors.ts).");
  process.exit(1);
}
