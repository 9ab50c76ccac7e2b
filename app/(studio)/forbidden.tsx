import Link from "next/link";
import { StatusPage } from "@/app/_components/status-page";
import { Button } from "@/app/_components/ui/button";

export default function StudioForbidden() {
  return (
    <StatusPage code="403" title="You can't open this"
      description="Your role in this team doesn't include this page. Ask an owner or admin if you need it."
      actions={<Button asChild><Link href="/">Back to projects</Link></Button>} />
  );
}
