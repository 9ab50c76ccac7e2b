import type { Metadata } from "next";
import { listProjects } from "@/lib/projects/list-projects";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { ActionForm, SubmitButton } from "../action-form";
import { revokeApiKeyAction } from "./actions";
import { CreateApiKeyForm } from "./create-api-key-form";
import { settingsContext } from "../settings-context";
import { NoAccess } from "../no-access";
import { timeAgo } from "../time-ago";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const { team, allows } = await settingsContext();
  if (!team || !allows("apikey.manage")) return <NoAccess what="manage API keys" />;
  const [keys, projects] = await Promise.all([
    listApiKeys({ teamId: team.id }),
    // Through the same filter as every other project list (restricted projects, the caller's current role).
    sessionTeamAccess({ teamId: team.id, permission: "apikey.manage" }).then((access) => listProjects({ access })),
  ]);
  const names = new Map(projects.map((p) => [p.id, p.name]));
  return (
    <div className="settings-stack">
      <section className="panel">
        <h2>Create an API key</h2>
        <p className="muted">For scripts and integrations calling <code>/api/v1</code>. A key belongs to the team and never has admin powers.</p>
        <CreateApiKeyForm teamId={team.id} projects={projects.map((p) => ({ id: p.id, name: p.name }))} />
      </section>
      <section className="panel">
        <h2>Keys <span className="count">{keys.filter((k) => !k.revokedAt).length}</span></h2>
        {keys.length === 0 ? <p className="muted">No keys yet.</p> : (
          <table className="table">
            <thead><tr><th>Name</th><th>Key</th><th>Access</th><th>Projects</th><th>Last used</th><th aria-label="Actions" /></tr></thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} className={k.revokedAt ? "revoked" : undefined}>
                  <td><strong>{k.name}</strong><div className="muted small">created {timeAgo(k.createdAt)}</div></td>
                  <td><code>{k.prefix}…</code></td>
                  <td><span className="pill">{k.access === "read" ? "read-only" : "read-write"}</span></td>
                  <td className="small">{k.projectIds.length === 0 ? "All projects" : k.projectIds.map((id) => names.get(id) ?? "archived project").join(", ")}</td>
                  <td className="muted">{timeAgo(k.lastUsedAt)}</td>
                  <td className="actions">
                    {k.revokedAt ? <span className="muted small">revoked {timeAgo(k.revokedAt)}</span> : (
                      <ActionForm action={revokeApiKeyAction} confirm={`Revoke "${k.name}"? Anything using it stops working at once.`}>
                        <input type="hidden" name="teamId" value={team.id} />
                        <input type="hidden" name="apiKeyId" value={k.id} />
                        <SubmitButton variant="danger" pendingLabel="Revoking…">Revoke</SubmitButton>
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
