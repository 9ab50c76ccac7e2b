"use client";

import { USE_REFERENCE_EVENT, type PickedReference } from "./reference-picker";

export function UseAsReferenceButton(props: PickedReference) {
  return (
    <button type="button" className="btn btn-small" onClick={() => {
      window.dispatchEvent(new CustomEvent(USE_REFERENCE_EVENT, { detail: props }));
      window.scrollTo({ top: 0, behavior: "smooth" });
    }}>
      Use as reference
    </button>
  );
}
