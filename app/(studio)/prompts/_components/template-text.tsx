/** A template's text with its `{variables}` set apart, so what changes at each use is visible at a glance. */
export function TemplateText({ text }: { text: string }) {
  const parts = text.split(/(\{[A-Za-z][A-Za-z0-9_]{0,39}\})/g);
  return (
    <p className="text-sm break-words text-foreground/90">
      {parts.map((part, i) =>
        i % 2 === 1 ? <span key={i} className="rounded bg-primary/10 px-1 font-mono text-[13px] text-primary">{part}</span> : <span key={i}>{part}</span>,
      )}
    </p>
  );
}
