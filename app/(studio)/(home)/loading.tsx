import { PageSkeleton } from "@/app/_components/page-skeleton";

export default function ProjectsLoading() {
  return <PageSkeleton label="Loading projects" count={6} gridClassName="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-4" itemClassName="h-56 rounded-xl" />;
}
