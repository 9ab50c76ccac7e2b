import { Skeleton } from "@/app/_components/ui/skeleton";

// Its own loading state: the project page has none (its gallery must not sit inside a streamed boundary, see
// AGENTS.md), and the studio-wide one now only wraps the projects list.
export default function NotificationsLoading() {
  return (
    <div aria-busy="true" aria-label="Loading notifications">
      <Skeleton className="mb-3 h-4 w-20" />
      <Skeleton className="mb-6 h-7 w-64" />
      <div className="grid gap-3">
        {Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-40 rounded-xl" />)}
      </div>
    </div>
  );
}
