import { Skeleton } from "@/app/_components/ui/skeleton";

export default function Loading() {
  return (
    <main className="mx-auto max-w-7xl px-4 py-10 sm:px-8" aria-busy="true" aria-label="Loading the gallery">
      <Skeleton className="mb-8 h-8 w-64" />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => <Skeleton key={i} className="aspect-[4/3] w-full" />)}
      </div>
    </main>
  );
}
