// GET /api/v1/teams/:teamId/audit-events - the team's audit log, newest first (?cursor=<nextCursor>&limit=1..100)
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { auditQuery, listAuditEvents } from "@/lib/audit/list-audit-events";

export const GET = withTeam("audit.read", async ({ request, access }) => {
  const url = new URL(request.url);
  const query = auditQuery.parse(Object.fromEntries(url.searchParams));
  return json(await listAuditEvents({ teamId: access.teamId, ...query }));
});
