import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import type { Element, ElementVersion, Provider } from "@/lib/generated/prisma/client";
import type { GenerationInputs } from "@/lib/kling/inputs";
import { ProviderError } from "@/lib/providers/provider-error";
import type { ElementRegistration, ProviderElementLibrary } from "@/lib/providers/types";
import { log } from "@/lib/observability/log";

const POLL_INTERVAL_MS = 1_000;
// Well inside the submit claim's lease (CLAIM_LEASE_MS, 60 s): an element still being made after this is a transient
// failure, and the submit's retry starts over.
const POLL_LIMIT_MS = 20_000;

type UsedElement = { element: Pick<Element, "name" | "description" | "kind">; version: Pick<ElementVersion, "id"> };

/**
 * Gives each element of a job the id the provider's library knows it by, registering the element version there on
 * first use under this account (the key the job is sent with) and remembering the id per version, provider and
 * account. Registration holds a transaction-scoped advisory lock on (version, provider, account), so jobs that use a
 * new element at the same moment create it once: the others wait, then read the id. `stale` names ids the provider
 * said are gone; they are forgotten (under the same lock, so a job that learns it late does not undo a re-creation
 * another job already made) and the elements registered again.
 */
export async function registerProviderElements(options: {
  provider: Provider;
  library: ProviderElementLibrary;
  elements: UsedElement[];
  inputs: GenerationInputs;
  stale?: string[];
}): Promise<GenerationInputs> {
  const { provider, library, elements, inputs } = options;
  const stale = options.stale ?? [];
  const known = await db.elementProviderRef.findMany({
    where: { elementVersionId: { in: elements.map((e) => e.version.id) }, provider, account: library.account },
  });
  const ids: string[] = [];
  // One at a time: each registration is its own short transaction holding one lock, so no two jobs can deadlock.
  for (const [i, { element, version }] of elements.entries()) {
    const remembered = known.find((r) => r.elementVersionId === version.id);
    if (remembered && !stale.includes(remembered.providerElementId)) {
      ids.push(remembered.providerElementId);
      continue;
    }
    const input = inputs.elements[i]!;
    ids.push(
      await registerOnce({
        provider,
        library,
        elementVersionId: version.id,
        stale,
        request: {
          name: element.name,
          description: element.description ?? "",
          kind: element.kind,
          frontalImageUrl: input.frontalImageUrl,
          referenceImageUrls: input.referenceImageUrls ?? [],
        },
      }),
    );
  }
  return { ...inputs, elements: inputs.elements.map((e, i) => ({ ...e, klingElementId: ids[i] })) };
}

async function registerOnce(options: { provider: Provider; library: ProviderElementLibrary; elementVersionId: string; stale: string[]; request: ElementRegistration }) {
  const { provider, library, elementVersionId, stale } = options;
  const where = { elementVersionId_provider_account: { elementVersionId, provider, account: library.account } };
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`element-ref:${elementVersionId}:${provider}:${library.account}`}, 0))`;
      if (stale.length) await tx.elementProviderRef.deleteMany({ where: { elementVersionId, provider, account: library.account, providerElementId: { in: stale } } });
      const existing = await tx.elementProviderRef.findUnique({ where });
      if (existing) return existing.providerElementId;
      const providerElementId = await createAndWait(library, options.request);
      await tx.elementProviderRef.create({ data: { id: createId("elementRef"), elementVersionId, provider, account: library.account, providerElementId } });
      log("elements").info({ elementVersionId, provider, providerElementId }, "element registered at provider");
      return providerElementId;
    },
    // Creation is a provider round trip plus polling; others wait on the lock meanwhile rather than create twice.
    { timeout: POLL_LIMIT_MS + 15_000, maxWait: 10_000 },
  );
}

async function createAndWait(library: ProviderElementLibrary, request: ElementRegistration): Promise<string> {
  const { taskId } = await library.create(request);
  const deadline = Date.now() + POLL_LIMIT_MS;
  for (;;) {
    const task = await library.poll(taskId);
    if (task.status === "succeeded") return task.elementId!;
    if (task.status === "failed") throw new ProviderError("invalid_input", `The element "${request.name}" could not be created at the provider: ${task.message ?? "no reason given"}`);
    if (Date.now() + POLL_INTERVAL_MS > deadline) throw new ProviderError("transient", `The element "${request.name}" is still being created at the provider`, { retryAfterMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
