// POST /api/v1/me/notifications/read - mark the signed-in person's notifications read (some, or all of a team's)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withSession } from "@/lib/http/with-session";
import { markNotificationsReadInput } from "@/lib/review/notification-schemas";
import { markNotificationsRead } from "@/lib/review/mark-notifications-read";

export const POST = withSession(async ({ request, userId }) => {
  const input = markNotificationsReadInput.parse(await readJson(request));
  return json(await markNotificationsRead({ userId, teamId: input.teamId, ids: input.ids }));
});
