import { Skeleton } from "@/app/_components/ui/skeleton";

export default function ElementLoading() {
  return (
    <div aria-busy="true" aria-label="Loading element">
      <Skeleton className="mb-2 h-4 w-24" />
      <Skeleton className="mb-6 h-7 w-48" />
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <Skeleton className="aspect-[4/5] rounded-xl" />
        <Skeleton className="h-64 rounded-xl" />
      </div>
    </div>
  );
}
