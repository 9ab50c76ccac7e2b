import Link from "next/link";
import { projectSpendMicros } from "@/lib/spend/project-spend";
import { formatUsd } from "@/lib/spend/format-usd";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";

const TITLE = "Settled spend plus open reservations";

/**
 * The project header's spend figure. It streams in behind its own Suspense boundary (the project page's first byte
 * waits only for what the gallery's first paint needs); the caller has checked project access, `linked` says whether
 * the role may open the spend page.
 */
export async function ProjectSpend({ projectId, linked }: { projectId: string; linked: boolean }) {
  const spent = formatUsd(await projectSpendMicros({ projectId }));
  return linked ? (
    <Button asChild variant="secondary" size="sm" className="tabular-nums"><Link href={`/projects/${projectId}/spend`} title={`${TITLE}: open the spend page`}>Spent {spent}</Link></Button>
  ) : (
    <Badge className="h-8 px-3 text-[13px] tabular-nums" title={TITLE}>Spent {spent}</Badge>
  );
}

/** The figure's place while it is read: the button's height and about its width, so nothing moves when it arrives. */
export function ProjectSpendFallback() {
  return <span aria-hidden className="inline-block h-8 w-28 animate-pulse rounded-md bg-muted" />;
}
