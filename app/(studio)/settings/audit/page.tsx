import type { Metadata } from "next";
import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { NoAccess } from "@/app/_components/no-access";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Table, TableCell, TableHead } from "@/app/_components/ui/table";
import { settingsContext } from "../settings-context";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { team, allows } = await settingsContext();
  if (!team || !allows("audit.read")) return <NoAccess what="read the audit log" />;
  const { cursor } = await searchParams;
  const { data, nextCursor } = await listAuditEvents({ teamId: team.id, cursor: typeof cursor === "string" ? cursor : undefined, limit: 50 });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Audit log</CardTitle>
        <CardDescription className="basis-full">Membership and role changes, invitations, keys, provider credentials, budgets and deletions.</CardDescription>
      </CardHeader>
      {data.length === 0 ? <CardDescription>Nothing recorded yet.</CardDescription> : (
        <Table className="text-[13px]">
          <thead><tr><TableHead>When</TableHead><TableHead>Who</TableHead><TableHead>What</TableHead><TableHead className="hidden md:table-cell">Details</TableHead></tr></thead>
          <tbody>
            {data.map((e) => (
              <tr key={e.id}>
                <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums"><time dateTime={e.createdAt}>{e.createdAt.slice(0, 16).replace("T", " ")}</time></TableCell>
                <TableCell className="max-w-0 min-w-28"><span className="block truncate">{e.actor.email ?? "—"}</span>{e.actor.apiKeyId ? <Badge>API key</Badge> : null}</TableCell>
                <TableCell><code className="text-[12px]">{e.action}</code></TableCell>
                <TableCell className="hidden max-w-md text-muted-foreground md:table-cell">{describe(e.metadata)}</TableCell>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <div className="mt-3 flex items-center justify-between gap-2 text-xs text-muted-foreground">
        <span>Times in UTC</span>
        <span className="flex gap-2">
          {cursor ? <Button asChild variant="ghost" size="sm"><Link href="/settings/audit">Newest</Link></Button> : null}
          {nextCursor ? <Button asChild variant="secondary" size="sm"><Link href={`/settings/audit?cursor=${nextCursor}`}>Older events <ChevronRight aria-hidden /></Link></Button> : null}
        </span>
      </div>
    </Card>
  );
}

function describe(metadata: unknown): string {
  if (!metadata || typeof metadata !== "object") return "";
  return Object.entries(metadata as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") || "—" : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v ?? "—")}`)
    .join(" · ");
}
