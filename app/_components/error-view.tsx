"use client";

import { useEffect } from "react";
import { RotateCcw } from "lucide-react";
import { StatusPage } from "@/app/_components/status-page";
import { Button } from "@/app/_components/ui/button";

/** The body of every error.tsx: says it plainly, offers a retry, and keeps the digest for a support request. */
export function ErrorView({ error, reset, what = "this page" }: { error: Error & { digest?: string }; reset: () => void; what?: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <StatusPage code="Error" title={`Couldn't load ${what}`}
      description={<>Something went wrong on our side. Try again; if it keeps happening, mention {error.digest ? <code>{error.digest}</code> : "the time"} to whoever runs this studio.</>}
      actions={<Button variant="secondary" onClick={reset}><RotateCcw aria-hidden /> Try again</Button>} />
  );
}
