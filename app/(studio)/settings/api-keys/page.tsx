import type { Metadata } from "next";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { listProjects } from "@/lib/projects/list-projects";
import { ButtonAction } from "@/app/_components/button-action";
import { NoAccess } from "@/app/_components/no-access";
import { cn } from "@/app/_components/cn";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Table, TableCell, TableHead } from "@/app/_components/ui/table";
import { revokeApiKeyAction } from "./actions";
import { CreateApiKeyForm } from "./create-api-key-form";
import { settingsContext } from "../settings-context";
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
    <div className="grid gap-4">
      <Card>
        <CardHeader>
          <CardTitle>Create an API key</CardTitle>
          <CardDescription className="basis-full">For scripts and integrations calling <code>/api/v1</code>. A key belongs to the team and never has admin powers beyond the money scopes ticked here.</CardDescription>
        </CardHeader>
        <CreateApiKeyForm teamId={team.id} projects={projects.map((p) => ({ id: p.id, name: p.name }))} />
      </Card>
      <Card>
        <CardHeader><CardTitle>Keys <Badge>{keys.filter((k) => !k.revokedAt).length}</Badge></CardTitle></CardHeader>
        {keys.length === 0 ? <CardDescription>No keys yet.</CardDescription> : (
          <Table>
            <thead><tr><TableHead>Name</TableHead><TableHead className="hidden sm:table-cell">Key</TableHead><TableHead>Access</TableHead><TableHead className="hidden md:table-cell">Projects</TableHead><TableHead className="hidden md:table-cell">Last used</TableHead><TableHead><span className="sr-only">Actions</span></TableHead></tr></thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} className={cn(k.revokedAt && "opacity-55")}>
                  <TableCell><strong className="font-medium">{k.name}</strong><div className="text-xs text-muted-foreground">created {timeAgo(k.createdAt)}</div></TableCell>
                  <TableCell className="hidden sm:table-cell"><code className="text-muted-foreground">{k.prefix}…</code></TableCell>
                  <TableCell><Badge>{k.access === "read" ? "read-only" : "read-write"}</Badge>{k.scopes.map((scope) => <Badge key={scope} className="ml-1">{scope}</Badge>)}</TableCell>
                  <TableCell className="hidden text-[13px] md:table-cell">{k.projectIds.length === 0 ? "All projects" : k.projectIds.map((id) => names.get(id) ?? "archived project").join(", ")}</TableCell>
                  <TableCell className="hidden text-muted-foreground md:table-cell">{timeAgo(k.lastUsedAt)}</TableCell>
                  <TableCell className="w-px text-right">
                    {k.revokedAt ? <span className="text-xs whitespace-nowrap text-muted-foreground">revoked {timeAgo(k.revokedAt)}</span> : (
                      <ButtonAction action={revokeApiKeyAction} fields={{ teamId: team.id, apiKeyId: k.id }} aria-label={`Revoke ${k.name}`}
                        variant="destructive" pendingLabel="Revoking…"
                        confirm={{ title: `Revoke "${k.name}"?`, description: "Anything using it stops working at once.", action: "Revoke key", destructive: true }}>
                        Revoke
                      </ButtonAction>
                    )}
                  </TableCell>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
