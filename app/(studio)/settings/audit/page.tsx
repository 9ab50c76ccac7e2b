import type { Metadata } from "next";
import Link from "next/link";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { settingsContext } from "../settings-context";
import { NoAccess } from "../no-access";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { team, allows } = await settingsContext();
  if (!team || !allows("audit.read")) return <NoAccess what="read the audit log" />;
  const { cursor } = await searchParams;
  const { data, nextCursor } = await listAuditEvents({ teamId: team.id, cursor: typeof cursor === "string" ? cursor : undefined, limit: 50 });
  return (
    <section className="panel">
      <h2>Audit log</h2>
      <p className="muted">Membership and role changes, invitations, keys, provider credentials, budgets and deletions.</p>
      {data.length === 0 ? <p className="muted">Nothing recorded yet.</p> : (
        <table className="table">
          <thead><tr><th>When</th><th>Who</th><th>What</th><th>Details</th></tr></thead>
          <tbody>
            {data.map((e) => (
              <tr key={e.id}>
                <td className="muted nowrap"><time dateTime={e.createdAt}>{e.createdAt.slice(0, 16).replace("T", " ")} UTC</time></td>
                <td>{e.actor.email ?? "—"}{e.actor.apiKeyId ? <span className="pill">API key</span> : null}</td>
                <td><code>{e.action}</code></td>
                <td className="small muted">{describe(e.metadata)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        {cursor ? <Link href="/settings/audit">Newest</Link> : null}
        {nextCursor ? <> {cursor ? " · " : null}<Link href={`/settings/audit?cursor=${nextCursor}`}>Older events →</Link></> : null}
      </p>
    </section>
  );
}

function describe(metadata: unknown): string {
  if (!metadata || typeof metadata !== "object") return "";
  return Object.entries(metadata as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") || "—" : String(v ?? "—")}`)
    .join(" · ");
}
