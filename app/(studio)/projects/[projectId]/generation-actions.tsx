"use client";

import { useState, useTransition } from "react";
import { cancelAction, rerunAction } from "./actions";

export function GenerationActions(props: { generationId: string; active: boolean; canEdit: boolean }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (!props.canEdit) return null;
  const run = (fn: (id: string) => Promise<{ error?: string }>) =>
    start(async () => {
      const result = await fn(props.generationId);
      setError(result.error ?? null);
    });
  return (
    <div className="generation-actions">
      {props.active ? (
        <button className="btn btn-small" disabled={pending} onClick={() => run(cancelAction)}>Cancel</button>
      ) : (
        <button className="btn btn-small" disabled={pending} onClick={() => run(rerunAction)}>Re-run</button>
      )}
      {error ? <span className="field-error">{error}</span> : null}
    </div>
  );
}
