import { Skeleton } from "@/app/_components/ui/skeleton";

export default function SpendLoading() {
  return (
    <div aria-busy="true" aria-label="Loading spend" className="mx-auto grid max-w-6xl gap-4">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-20 rounded-xl" />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">{Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className="h-24 rounded-xl" />)}</div>
      <Skeleton className="h-80 rounded-xl" />
    </div>
  );
}
