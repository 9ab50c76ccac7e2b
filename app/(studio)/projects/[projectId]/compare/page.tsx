import type { Metadata } from "next";
import Link from "next/link";
import { Columns2 } from "lucide-react";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState } from "@/app/_components/empty-state";
import { Button } from "@/app/_components/ui/button";
import { loadCompare } from "../_components/asset-detail/load-compare";
import { CompareView } from "../_components/asset-detail/compare-view";

export const metadata: Metadata = { title: "Compare" };

// /projects/:projectId/compare?ids=a,b[,c,d] - 2–4 of the project's images side by side with their recipes diffed.
export default async function ComparePage(props: { params: Promise<{ projectId: string }>; searchParams: Promise<{ ids?: string | string[] }> }) {
  const { projectId } = await props.params;
  const { project, details } = await loadCompare({ projectId, ids: (await props.searchParams).ids });
  return (
    <>
      <PageHeader back={{ href: `/projects/${project.id}`, label: project.name }} title="Compare"
        description={details.length >= 2 ? `${details.length} images, recipes side by side.` : undefined} />
      {details.length < 2 ? (
        <EmptyState icon={<Columns2 aria-hidden />} title="Pick two to four images"
          description="Select images in the gallery and choose Compare, or open an image and compare it with another."
          action={<Button asChild variant="secondary"><Link href={`/projects/${project.id}`}>Back to the gallery</Link></Button>} />
      ) : (
        <CompareView projectId={project.id} details={details} />
      )}
    </>
  );
}
