import { Skeleton } from "@/app/_components/ui/skeleton";

export default function PromptsLoading() {
  return (
    <div aria-busy="true" aria-label="Loading prompts">
      <Skeleton className="mb-2 h-7 w-40" />
      <Skeleton className="mb-6 h-4 w-80" />
      <div className="grid gap-6 lg:grid-cols-[1fr_26rem]">
        <div className="grid gap-3 xl:grid-cols-2">{Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-36 rounded-xl" />)}</div>
        <Skeleton className="h-96 rounded-xl" />
      </div>
    </div>
  );
}
