import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import type { Element, ElementVersion, Provider } from "@/lib/generated/prisma/client";
import type { GenerationInputs } from "@/lib/kling/inputs";
import { ProviderError } from "@/lib/providers/provider-error";
import type { ProviderElementLibrary } from "@/lib/providers/types";
import { log } from "@/lib/observability/log";

const POLL_INTERVAL_MS = 1_000;
// Well inside the submit claim's lease (CLAIM_LEASE_MS, 60 s): an element still being made after this is a transient
// failure, and the submit's retry starts over.
const POLL_LIMIT_MS = 20_000;

type UsedElement = { element: Pick<Element, "name" | "description" | "kind">; version: Pick<ElementVersion, "id"> };

/**
 * Gives each element of a job the id the provider's library knows it by, registering the element version there on
 * first use under this account (the key the job is sent with) and remembering the id per version, provider and
 * account. `forget` drops what was remembered for these versions first — after the provider said an id is gone — so
 * they are created again, once.
 */
export async function registerProviderElements(options: {
  provider: Provider;
  library: ProviderElementLibrary;
  elements: UsedElement[];
  inputs: GenerationInputs;
  forget?: boolean;
}): Promise<GenerationInputs> {
  const { provider, library, elements, inputs } = options;
  const versionIds = elements.map((e) => e.version.id);
  if (options.forget) await db.elementProviderRef.deleteMany({ where: { elementVersionId: { in: versionIds }, provider, account: library.account } });
  const known = await db.elementProviderRef.findMany({ where: { elementVersionId: { in: versionIds }, provider, account: library.account } });
  const ids = await Promise.all(
    elements.map(async ({ element, version }, i) => {
      const remembered = known.find((r) => r.elementVersionId === version.id);
      if (remembered) return remembered.providerElementId;
      const input = inputs.elements[i]!;
      const providerElementId = await createAndWait(library, {
        name: element.name,
        description: element.description ?? "",
        kind: element.kind,
        frontalImageUrl: input.frontalImageUrl,
        referenceImageUrls: input.referenceImageUrls ?? [],
      });
      // Two submits racing on one new element may both create it; the unique key keeps the first id and the other
      // job uses that one (the spare element at the provider is harmless).
      await db.elementProviderRef.createMany({
        data: [{ id: createId("elementRef"), elementVersionId: version.id, provider, account: library.account, providerElementId }],
        skipDuplicates: true,
      });
      const stored = await db.elementProviderRef.findUniqueOrThrow({
        where: { elementVersionId_provider_account: { elementVersionId: version.id, provider, account: library.account } },
      });
      log("elements").info({ elementVersionId: version.id, provider, providerElementId: stored.providerElementId }, "element registered at provider");
      return stored.providerElementId;
    }),
  );
  return { ...inputs, elements: inputs.elements.map((e, i) => ({ ...e, klingElementId: ids[i] })) };
}

async function createAndWait(library: ProviderElementLibrary, request: Parameters<ProviderElementLibrary["create"]>[0]): Promise<string> {
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
