import type { PriceCheck } from "@/lib/spend/price-check";
import { formatUsd } from "@/lib/spend/format-usd";
import { PROVIDER_LABELS, type ProviderId } from "@/lib/kling/providers";
import { Card, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Table, TableCell, TableHead } from "@/app/_components/ui/table";
import { NumberCell, NumberHead } from "./number-cell";
import { countNoun } from "@/app/_components/count-noun";

const signed = (micros: number) => `${micros > 0 ? "+" : micros < 0 ? "−" : ""}${formatUsd(Math.abs(micros))}`;

/**
 * Reconciliation: generations whose provider-reported cost differs from our price table. Shown only when there are
 * some — a price change at a provider is the news, an empty table is not.
 */
export function PriceCheckSection({ check, showProject }: { check: PriceCheck; showProject: boolean }) {
  if (check.count === 0) return null;
  return (
    <Card>
      <section aria-labelledby="price-check-title" className="grid min-w-0 gap-3">
        <CardHeader>
          <CardTitle id="price-check-title">Price check</CardTitle>
          <CardDescription className="basis-full">
            The provider charged {signed(check.differenceMicros)} against our price table for {countNoun(check.count, "generation")} in this
            range: its price may have changed. We settled what the provider reported.
            {check.count > check.rows.length ? ` The newest ${check.rows.length} are listed.` : ""}
          </CardDescription>
        </CardHeader>
        <Table aria-label="Price check">
          <thead>
            <tr>
              <TableHead>Generation</TableHead>
              {showProject ? <TableHead className="hidden md:table-cell">Project</TableHead> : null}
              <TableHead className="hidden sm:table-cell">Provider · model</TableHead>
              <NumberHead from="sm">Our price</NumberHead>
              <NumberHead>Reported</NumberHead>
              <NumberHead>Difference</NumberHead>
            </tr>
          </thead>
          <tbody>
            {check.rows.map((r) => (
              <tr key={r.generationId}>
                <TableCell className="max-w-40 truncate">
                  <code className="text-xs">{r.generationId}</code>
                  <div className="text-xs text-muted-foreground">{r.settledAt.slice(0, 16).replace("T", " ")} UTC</div>
                </TableCell>
                {showProject ? <TableCell className="hidden max-w-40 truncate md:table-cell">{r.projectName}</TableCell> : null}
                <TableCell className="hidden sm:table-cell">{PROVIDER_LABELS[r.provider as ProviderId] ?? r.provider} · {r.model} · {r.resolution}</TableCell>
                <NumberCell from="sm">{formatUsd(r.listMicros)}</NumberCell>
                <NumberCell>{formatUsd(r.providerMicros)}</NumberCell>
                <NumberCell className={r.differenceMicros > 0 ? "font-medium text-destructive" : "font-medium text-success"}>{signed(r.differenceMicros)}</NumberCell>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
    </Card>
  );
}
