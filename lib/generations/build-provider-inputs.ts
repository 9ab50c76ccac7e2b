import type { ElementVersion, Element } from "@/lib/generated/prisma/client";
import type { GenerationInputs } from "@/lib/kling/inputs";
import { presignGet } from "@/lib/storage/presign-get";

type StoredImage = { storageKey: string; width?: number | null; height?: number | null };
type StoredElement = { element: Pick<Element, "name">; version: ElementVersion };

/**
 * The catalog's view of a job's inputs, with presigned URLs the provider can fetch. Used both to validate a request
 * and, later, by the submit job (URLs are signed at submit time so they are fresh when the provider reads them).
 * Library ids (klingElementId) are not known here: they belong to the key a job is sent with, and the submit job
 * fills them in (lib/elements/register-provider-elements.ts).
 */
export async function buildProviderInputs(options: { images: StoredImage[]; elements: StoredElement[] }): Promise<GenerationInputs> {
  const images = await Promise.all(
    options.images.map(async (image) => ({
      url: await presignGet(image.storageKey),
      width: image.width ?? undefined,
      height: image.height ?? undefined,
    })),
  );
  const elements = await Promise.all(
    options.elements.map(async ({ element, version }) => ({
      name: element.name,
      frontalImageUrl: await presignGet(version.frontalImageKey),
      referenceImageUrls: await Promise.all(version.referenceImageKeys.map((key) => presignGet(key))),
    })),
  );
  return { images, elements };
}
