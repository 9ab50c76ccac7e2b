import { Skeleton } from "@/app/_components/ui/skeleton";

/**
 * A page's loading state: its heading lines over a grid of card-shaped placeholders. `crumb` pages (inside a project)
 * start with the back link's short line above the title; top-level pages start with the title and its description.
 */
export function PageSkeleton(props: { label: string; crumb?: boolean; count: number; gridClassName: string; itemClassName: string }) {
  return (
    <div aria-busy="true" aria-label={props.label}>
      {props.crumb ? (
        <><Skeleton className="mb-3 h-4 w-20" /><Skeleton className="mb-6 h-7 w-64" /></>
      ) : (
        <><Skeleton className="mb-2 h-7 w-40" /><Skeleton className="mb-6 h-4 w-64" /></>
      )}
      <div className={props.gridClassName}>
        {Array.from({ length: props.count }, (_, i) => <Skeleton key={i} className={props.itemClassName} />)}
      </div>
    </div>
  );
}
