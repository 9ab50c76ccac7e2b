// The provider simulator stands in for the outside world only when no provider key is configured.
const PROVIDER_KEYS = ["KLING_ACCESS_KEY", "WAVESPEED_API_KEY", "RUNWARE_API_KEY", "SEGMIND_API_KEY", "FAL_KEY"];

export async function startSimulatorIfNoKeys(options: { given: Record<string, string | undefined>; port: number }) {
  if (PROVIDER_KEYS.some((k) => options.given[k])) return null;
  // Its URLs and keys reach the studio as configuration, as a real provider's would (simulator/studio-env.ts).
  const { studioEnvFor } = await import("@/simulator/studio-env");
  if (options.given.SIMULATOR_URL) return { url: options.given.SIMULATOR_URL, env: studioEnvFor(options.given.SIMULATOR_URL), stop: async () => undefined };
  const { startSimulator } = await import("@/simulator/server");
  const sim = await startSimulator({ port: options.port, host: "127.0.0.1" });
  return { url: sim.url, env: studioEnvFor(sim.url), stop: () => sim.close() };
}
