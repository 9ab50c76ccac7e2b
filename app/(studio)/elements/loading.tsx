import { Skeleton } from "@/app/_components/ui/skeleton";

export default function ElementsLoading() {
  return (
    <div aria-busy="true" aria-label="Loading elements">
      <Skeleton className="mb-2 h-7 w-40" />
      <Skeleton className="mb-6 h-4 w-72" />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 2xl:grid-cols-6">
        {Array.from({ length: 8 }, (_, i) => <Skeleton key={i} className="aspect-[4/5] rounded-xl" />)}
      </div>
    </div>
  );
}
