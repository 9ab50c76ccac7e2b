import { Skeleton } from "@/app/_components/ui/skeleton";

export default function AccountLoading() {
  return (
    <div aria-busy="true" aria-label="Loading account" className="mx-auto grid max-w-2xl gap-4">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-24 rounded-xl" />
      <Skeleton className="h-48 rounded-xl" />
    </div>
  );
}
