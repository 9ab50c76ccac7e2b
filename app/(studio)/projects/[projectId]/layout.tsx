import type { ReactNode } from "react";
import { QueryProvider } from "@/app/_components/query-provider";

// Everything under a project (gallery, settings, an image's own page) shares one client cache, so going to an image
// and back finds the gallery as it was left.
export default function ProjectLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
