import { diffWords } from "@/lib/prompts/diff-words";
import { cn } from "@/app/_components/cn";

/** Before → after as one line of words: added words highlighted, removed ones struck through (and announced). */
export function PromptDiff({ before, after, className }: { before: string; after: string; className?: string }) {
  const parts = diffWords(before.trim(), after.trim());
  return (
    <p className={cn("rounded-md border border-border bg-secondary/40 p-3 text-sm leading-relaxed break-words", className)}>
      {parts.map((part, i) =>
        part.kind === "same" ? <span key={i}>{part.text}</span>
        : part.kind === "added" ? <ins key={i} className="rounded-sm bg-success/15 text-success no-underline"><span className="sr-only">added: </span>{part.text}</ins>
        : <del key={i} className="text-muted-foreground line-through decoration-destructive/70"><span className="sr-only">removed: </span>{part.text}</del>,
      )}
    </p>
  );
}
