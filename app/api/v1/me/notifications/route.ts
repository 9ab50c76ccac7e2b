// GET /api/v1/me/notifications?teamId= - the signed-in person's notifications in one of their teams, and the unread count
import { json } from "@/lib/http/respond";
import { withSession } from "@/lib/http/with-session";
import { listNotificationsQuery } from "@/lib/review/notification-schemas";
import { listNotifications } from "@/lib/review/list-notifications";

export const GET = withSession(async ({ request, userId }) => {
  const query = listNotificationsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await listNotifications({ userId, teamId: query.teamId, limit: query.limit }));
});
