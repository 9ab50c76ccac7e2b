import { Lock } from "lucide-react";
import { EmptyState } from "@/app/_components/empty-state";

/** What someone sees on a page their role doesn't open: said plainly, with who can help. */
export function NoAccess({ what }: { what: string }) {
  return <EmptyState icon={<Lock aria-hidden />} title={`Only owners and admins can ${what}`} description="Ask an admin of this team if you need a change here." />;
}
