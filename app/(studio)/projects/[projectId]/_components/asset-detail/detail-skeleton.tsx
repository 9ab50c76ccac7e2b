import { Skeleton } from "@/app/_components/ui/skeleton";

// The image detail and compare share one shape while loading: the image(s) large, the recipe in a side column.
export function DetailSkeleton({ label }: { label: string }) {
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_380px]" aria-busy="true" aria-label={label}>
      <Skeleton className="h-[60dvh]" />
      <div className="grid content-start gap-3">
        <Skeleton className="h-48" />
        <Skeleton className="h-64" />
      </div>
    </div>
  );
}
