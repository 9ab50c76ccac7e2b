"use client";

import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button } from "@/app/_components/ui/button";

export function CopyLinkButton({ url, name }: { url: string; name: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button size="sm" variant="secondary" aria-label={`Copy link: ${name}`} data-url={url}
      onClick={async () => {
        await navigator.clipboard?.writeText(url).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}>
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />} {copied ? "Copied" : "Copy link"}
    </Button>
  );
}
