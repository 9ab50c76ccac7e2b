import Link from "next/link";
import { StandaloneStatusPage } from "@/app/_components/status-page";
import { Button } from "@/app/_components/ui/button";

export default function NotFound() {
  return (
    <StandaloneStatusPage code="404" title="Nothing here"
      description="This page doesn't exist, or it belongs to a team or project you can't see."
      actions={<Button asChild><Link href="/">Back to projects</Link></Button>} />
  );
}
