import { presignWindowed } from "@/lib/assets/presign-windowed";
import type { getElementDetail } from "@/lib/elements/get-element-detail";
import { toElementDto, toElementVersionDto, type ElementDto, type ElementVersionDto } from "@/lib/elements/element-dto";

type Detail = Awaited<ReturnType<typeof getElementDetail>>;

export type ElementDetailDto = ElementDto & {
  versions: (ElementVersionDto & {
    usageCount: number;
    images: { id: string; projectId: string; thumbUrl: string; width: number; height: number; prompt: string }[];
  })[];
};

export async function toElementDetailDto(detail: Detail): Promise<ElementDetailDto> {
  return {
    ...(await toElementDto(detail.element, detail.usageCount)),
    versions: await Promise.all(
      detail.versions.map(async ({ version, usageCount, images }) => ({
        ...(await toElementVersionDto(version)),
        usageCount,
        images: await Promise.all(
          images.map(async (a) => ({
            id: a.id,
            projectId: a.projectId,
            thumbUrl: await presignWindowed(a.thumbSmallKey ?? a.storageKey),
            width: a.width,
            height: a.height,
            prompt: a.prompt,
          })),
        ),
      })),
    ),
  };
}
