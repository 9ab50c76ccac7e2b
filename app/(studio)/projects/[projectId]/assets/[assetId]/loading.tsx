import { Skeleton } from "@/app/_components/ui/skeleton";

export default function Loading() {
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_380px]" aria-busy="true" aria-label="Loading the image">
      <Skeleton className="h-[60dvh]" />
      <div className="grid content-start gap-3">
        <Skeleton className="h-48" />
        <Skeleton className="h-64" />
      </div>
    </div>
  );
}
