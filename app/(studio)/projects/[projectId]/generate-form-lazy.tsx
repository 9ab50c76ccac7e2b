"use client";

import dynamic from "next/dynamic";

// The generate form in its own chunk, imported where the page places it (page.tsx): still rendered by the server, so
// the panel is in the HTML, but its JavaScript (the form, its pickers, the catalog and price tables) is no longer part
// of the bundle the page must evaluate before React hydrates the gallery. React hydrates the gallery first and the
// panel when its chunk has arrived (selective hydration behind next/dynamic's Suspense boundary).
export const GenerateFormLazy = dynamic(() => import("./generate-form").then((m) => m.GenerateForm));
