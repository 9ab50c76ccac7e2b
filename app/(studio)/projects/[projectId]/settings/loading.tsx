import { PageSkeleton } from "@/app/_components/page-skeleton";

// Its own loading state: the project page has none (its gallery must not sit inside a streamed boundary, see
// AGENTS.md), and the studio-wide one now only wraps the projects list.
export default function ProjectSettingsLoading() {
  return <PageSkeleton label="Loading project settings" crumb count={3} gridClassName="grid gap-3" itemClassName="h-40 rounded-xl" />;
}
