import { Skeleton } from "@/app/_components/ui/skeleton";

export default function Loading() {
  return (
    <div className="mx-auto grid max-w-5xl gap-3" aria-busy="true" aria-label="Loading share links">
      <Skeleton className="mb-4 h-10 w-56" />
      {Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-28 w-full rounded-xl" />)}
    </div>
  );
}
