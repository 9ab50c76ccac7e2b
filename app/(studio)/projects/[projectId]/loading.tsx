import { Skeleton } from "@/app/_components/ui/skeleton";

export default function ProjectLoading() {
  return (
    <div aria-busy="true" aria-label="Loading project">
      <Skeleton className="mb-3 h-4 w-20" />
      <Skeleton className="mb-6 h-7 w-64" />
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(300px,360px)_minmax(0,1fr)]">
        <Skeleton className="h-96 rounded-xl" />
        <div className="grid gap-3">
          {Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-64 rounded-xl" />)}
        </div>
      </div>
    </div>
  );
}
