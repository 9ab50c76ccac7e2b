"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { RotateCcw, Square } from "lucide-react";
import type { ActionResult } from "@/lib/actions/action-result";
import { Button } from "@/app/_components/ui/button";
import { cancelAction, rerunAction } from "./actions";

export function GenerationActions(props: { generationId: string; active: boolean; canEdit: boolean }) {
  const [pending, start] = useTransition();
  if (!props.canEdit) return null;
  const run = (fn: (id: string) => Promise<ActionResult<undefined>>, done: string) =>
    start(async () => {
      const result = await fn(props.generationId);
      if (result.ok) toast.success(done);
      else toast.error(result.error.message);
    });
  return props.active ? (
    <Button variant="ghost" size="sm" disabled={pending} onClick={() => run(cancelAction, "Cancelled.")}><Square aria-hidden /> Cancel</Button>
  ) : (
    <Button variant="ghost" size="sm" disabled={pending} onClick={() => run(rerunAction, "Re-run queued.")}><RotateCcw aria-hidden /> Re-run</Button>
  );
}
