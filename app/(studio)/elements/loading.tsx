import { PageSkeleton } from "@/app/_components/page-skeleton";

export default function ElementsLoading() {
  return <PageSkeleton label="Loading elements" count={8} gridClassName="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 2xl:grid-cols-6" itemClassName="aspect-[4/5] rounded-xl" />;
}
