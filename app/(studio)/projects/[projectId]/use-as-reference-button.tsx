"use client";

import { ImagePlus } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { USE_REFERENCE_EVENT, type PickedReference } from "./reference-picker";

export function UseAsReferenceButton(props: PickedReference) {
  return (
    <Button type="button" variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => {
      window.dispatchEvent(new CustomEvent(USE_REFERENCE_EVENT, { detail: props }));
      document.getElementById("prompt")?.focus({ preventScroll: true });
      window.scrollTo({ top: 0, behavior: "smooth" });
    }}>
      <ImagePlus aria-hidden className="size-3.5" /> Use as reference
    </Button>
  );
}
