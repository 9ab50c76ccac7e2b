import { round, summarize } from "./stats";

// Times named steps of a sequence called in this process: wall p50 and CPU p50 (process.cpuUsage, which includes
// libuv threads and anything else this process did meanwhile). The per-step breakdown behind a figure that misses its
// goal. Set `recording` false for warm-up rounds: a query shape's first run pays Prisma's plan compilation.
export function stepTimer() {
  const wall = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  return {
    recording: true,
    async time<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const value = await fn();
      const c = process.cpuUsage(c0);
      if (!this.recording) return value;
      if (!wall.has(name)) {
        wall.set(name, []);
        cpu.set(name, []);
      }
      wall.get(name)!.push(performance.now() - t0);
      cpu.get(name)!.push((c.user + c.system) / 1000);
      return value;
    },
    report() {
      return [...wall.keys()].map((step) => ({ step, wallP50: round(summarize(wall.get(step)!).p50), cpuP50: round(summarize(cpu.get(step)!).p50) }));
    },
  };
}

export function describeSteps(steps: { step: string; wallP50: number; cpuP50: number }[]) {
  return steps.map((s) => `${s.step} ${s.wallP50} / ${s.cpuP50} ms`).join(", ");
}
