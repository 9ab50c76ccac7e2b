import type { Element, ElementVersion } from "@/lib/generated/prisma/client";
import { presignWindowed } from "@/lib/assets/presign-windowed";

// What clients see of an element: never storage keys, only presigned image URLs (windowed, so browsers cache them).
export type ElementVersionDto = { id: string; version: number; frontalImageUrl: string; referenceImageUrls: string[]; createdAt: string };
export type ElementDto = {
  id: string;
  name: string;
  description: string | null;
  kind: Element["kind"];
  currentVersion: number;
  archivedAt: string | null;
  usageCount: number;
  current: ElementVersionDto;
  createdAt: string;
  updatedAt: string;
};

export async function toElementVersionDto(version: ElementVersion): Promise<ElementVersionDto> {
  return {
    id: version.id,
    version: version.version,
    frontalImageUrl: await presignWindowed(version.frontalImageKey),
    referenceImageUrls: await Promise.all(version.referenceImageKeys.map((key) => presignWindowed(key))),
    createdAt: version.createdAt.toISOString(),
  };
}

export async function toElementDto(element: Element & { versions: ElementVersion[] }, usageCount: number): Promise<ElementDto> {
  const current = element.versions.find((v) => v.version === element.currentVersion) ?? element.versions[0]!;
  return {
    id: element.id,
    name: element.name,
    description: element.description,
    kind: element.kind,
    currentVersion: element.currentVersion,
    archivedAt: element.archivedAt?.toISOString() ?? null,
    usageCount,
    current: await toElementVersionDto(current),
    createdAt: element.createdAt.toISOString(),
    updatedAt: element.updatedAt.toISOString(),
  };
}
