"use client";

import "./globals.css";
import { ErrorView } from "@/app/_components/error-view";

export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en" className="dark">
      <body className="min-h-dvh bg-background text-foreground"><ErrorView {...props} what="the studio" /></body>
    </html>
  );
}
