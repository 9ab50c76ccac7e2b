import type { ReactNode } from "react";
import { QueryProvider } from "@/app/_components/query-provider";

// Everything under a project (gallery, settings, an image's own page) shares one client cache, so going to an image
// and back finds the gallery as it was left. The @modal slot opens an image's detail over the gallery without
// unmounting it.
export default function ProjectLayout(props: { children: ReactNode; modal: ReactNode }) {
  return (
    <QueryProvider>
      {props.children}
      {props.modal}
    </QueryProvider>
  );
}
