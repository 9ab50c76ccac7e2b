import type { ReactNode } from "react";

// The project's pages plus the @modal slot: the image detail opens over the gallery without unmounting it.
export default function ProjectLayout(props: { children: ReactNode; modal: ReactNode }) {
  return (
    <>
      {props.children}
      {props.modal}
    </>
  );
}
