import Link from "next/link";
import { Download } from "lucide-react";
import type { SpendReport } from "@/lib/spend/spend-report";
import type { SpendGroupBy } from "@/lib/spend/spend-query-schemas";
import { formatUsd } from "@/lib/spend/format-usd";
import { Card, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { Table, TableCell, TableHead } from "@/app/_components/ui/table";
import { NumberCell, NumberHead } from "./number-cell";
import { BudgetBar } from "./budget-bar";
import { SpendChart } from "./spend-chart";
import { SpendAlerts } from "./spend-alerts";
import { PriceCheckSection } from "./price-check";
import { countNoun } from "@/app/_components/count-noun";
import type { SpendAlertItem } from "@/lib/spend/list-spend-alerts";

const GROUP_LABELS: Record<SpendGroupBy, string> = { day: "Day", model: "Model", provider: "Provider", member: "Member", element: "Element", project: "Project" };

const money = (micros: number | null) => (micros === null ? "—" : formatUsd(micros));

/**
 * The body of a spend page (team or project): the range and grouping form (a plain GET, so a range is a link
 * anyone can share), the figures, this month against its limits, the chart, the table and the CSV downloads.
 */
export function SpendView(props: { report: SpendReport; alerts: SpendAlertItem[]; groups: SpendGroupBy[]; csvBase: string; limitName: string; limitsHref?: string }) {
  const { report } = props;
  const t = report.totals;
  const query = new URLSearchParams({ from: report.range.from, to: report.range.to }).toString();
  const groupLabel = GROUP_LABELS[report.groupBy];
  return (
    <div className="grid min-w-0 gap-4">
      <SpendAlerts alerts={props.alerts} />
      <form method="get" aria-label="Range and grouping" className="flex flex-col gap-3 rounded-xl border border-border bg-card p-4 sm:flex-row sm:flex-wrap sm:items-end">
        <div className="grid gap-1.5"><Label htmlFor="spend-from">From</Label><Input id="spend-from" type="date" name="from" defaultValue={report.range.from} required /></div>
        <div className="grid gap-1.5"><Label htmlFor="spend-to">To</Label><Input id="spend-to" type="date" name="to" defaultValue={report.range.to} required /></div>
        <div className="grid gap-1.5 sm:min-w-40"><Label htmlFor="spend-group">Group by</Label>
          <NativeSelect id="spend-group" name="groupBy" defaultValue={report.groupBy}>
            {props.groups.map((g) => <option key={g} value={g}>{GROUP_LABELS[g]}</option>)}
          </NativeSelect>
        </div>
        <Button type="submit" variant="secondary">Show</Button>
        <div className="flex flex-wrap gap-2 sm:ml-auto">
          <Button asChild variant="ghost" size="sm"><a href={`${props.csvBase}/ledger.csv?${query}&bom=1`} download><Download aria-hidden /> Ledger CSV</a></Button>
          <Button asChild variant="ghost" size="sm"><a href={`${props.csvBase}/generations.csv?${query}&bom=1`} download><Download aria-hidden /> Generations CSV</a></Button>
        </div>
      </form>

      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Figure term="Spent" value={formatUsd(t.spentMicros)} note={`${report.range.from} to ${report.range.to}`} />
        <Figure term="Images" value={t.images.toLocaleString("en-US")} note={countNoun(t.generations, "generation")} />
        <Figure term="Cost per image" value={money(t.costPerImageMicros)} />
        <Figure term="Cost per approved asset" value={money(t.costPerApprovedAssetMicros)} note={`${t.approvedAssets.toLocaleString("en-US")} approved in range`} />
        <Figure term="Failed · refunded" value={`${t.failed} · ${t.refunded}`} note={`${formatUsd(t.refundedMicros)} given back`} />
      </dl>

      <Card>
        <CardHeader>
          <CardTitle>This month</CardTitle>
          {props.limitsHref ? <Link href={props.limitsHref} className="text-[13px] text-muted-foreground underline underline-offset-2 hover:text-foreground">Change limits</Link> : null}
        </CardHeader>
        <BudgetBar month={report.monthToDate} limitName={props.limitName} />
      </Card>

      <PriceCheckSection check={report.priceCheck} showProject={props.groups.includes("project")} />

      <Card>
        <CardHeader>
          <CardTitle>Spend by {groupLabel.toLowerCase()}</CardTitle>
          {report.groupBy === "element" ? <CardDescription className="basis-full">A generation that used several elements counts under each, so rows can add up to more than the total.</CardDescription> : null}
        </CardHeader>
        {report.groups.length === 0 ? (
          <p className="py-10 text-center text-sm text-muted-foreground">Nothing was spent in this range.</p>
        ) : (
          <div className="grid min-w-0 gap-4">
            <SpendChart rows={report.groups} groupBy={report.groupBy} range={report.range} />
            <Table aria-label={`Spend by ${groupLabel.toLowerCase()}`}>
              <thead>
                <tr>
                  <TableHead>{groupLabel}</TableHead>
                  <NumberHead>Spent</NumberHead>
                  <NumberHead from="sm">Generations</NumberHead>
                  <NumberHead>Images</NumberHead>
                  <NumberHead from="md">Per image</NumberHead>
                  <NumberHead from="md">Failed</NumberHead>
                  <NumberHead from="sm">Refunded</NumberHead>
                </tr>
              </thead>
              <tbody>
                {report.groups.map((g) => (
                  <tr key={g.key ?? "none"}>
                    <TableCell className="max-w-48 truncate">{g.label}</TableCell>
                    <NumberCell>{formatUsd(g.spentMicros)}</NumberCell>
                    <NumberCell from="sm">{g.generations}</NumberCell>
                    <NumberCell>{g.images}</NumberCell>
                    <NumberCell from="md">{money(g.costPerImageMicros)}</NumberCell>
                    <NumberCell from="md">{g.failed}</NumberCell>
                    <NumberCell from="sm">{g.refunded}</NumberCell>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="font-medium">
                  <TableCell className="border-t border-border">Total</TableCell>
                  <NumberCell className="border-t border-border">{formatUsd(t.spentMicros)}</NumberCell>
                  <NumberCell from="sm" className="border-t border-border">{t.generations}</NumberCell>
                  <NumberCell className="border-t border-border">{t.images}</NumberCell>
                  <NumberCell from="md" className="border-t border-border">{money(t.costPerImageMicros)}</NumberCell>
                  <NumberCell from="md" className="border-t border-border">{t.failed}</NumberCell>
                  <NumberCell from="sm" className="border-t border-border">{t.refunded}</NumberCell>
                </tr>
              </tfoot>
            </Table>
          </div>
        )}
      </Card>
    </div>
  );
}

function Figure({ term, value, note }: { term: string; value: string; note?: string }) {
  return (
    <div className="rounded-xl border border-border bg-card p-4 last:col-span-2 lg:last:col-span-1">
      <dt className="text-xs text-muted-foreground">{term}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
      {note ? <dd className="mt-0.5 text-xs break-words text-muted-foreground">{note}</dd> : null}
    </div>
  );
}
