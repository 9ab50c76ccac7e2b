import Link from "next/link";
import { StatusPage } from "@/app/_components/status-page";
import { Button } from "@/app/_components/ui/button";

// Unknown ids and projects the caller may not see read the same (a 404), so nobody learns what exists.
export default function StudioNotFound() {
  return (
    <StatusPage code="404" title="Nothing here"
      description="This page doesn't exist, or it belongs to a team or project you can't see."
      actions={<Button asChild><Link href="/">Back to projects</Link></Button>} />
  );
}
