import type { Metadata } from "next";
import Link from "next/link";
import { Bell } from "lucide-react";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { currentTeam } from "@/lib/teams/current-team";
import { listNotifications } from "@/lib/review/list-notifications";
import { ButtonAction } from "@/app/_components/button-action";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { Card } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/cn";
import { timeAgo } from "@/app/(studio)/settings/time-ago";
import { markNotificationsReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { team } = await currentTeam(user.id);
  if (!team) redirect("/");
  const { data, unread } = await listNotifications({ userId: user.id, teamId: team.id, limit: 100 });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={<span className="flex items-center gap-2">Notifications {unread ? <Badge variant="primary">{unread} unread</Badge> : null}</span>}
        description={`Mentions in ${team.name}'s comments. Each is emailed to you too.`}
        actions={unread ? (
          <ButtonAction action={markNotificationsReadAction} fields={{ teamId: team.id }} aria-label="Mark all read" pendingLabel="Marking…">Mark all read</ButtonAction>
        ) : null}
      />
      {data.length === 0 ? (
        <EmptyState icon={<Bell aria-hidden />} title="Nothing yet" description="When someone mentions you in a comment on an image, it shows up here." />
      ) : (
        <Card className="p-0 sm:p-0">
          <ul className="divide-y divide-border">
            {data.map((n) => (
              <li key={n.id} className={cn("flex flex-wrap items-start gap-3 px-4 py-3", !n.read && "bg-primary/5")}>
                <span aria-hidden className={cn("mt-1.5 size-2 shrink-0 rounded-full", n.read ? "bg-transparent" : "bg-primary")} />
                <div className="grid min-w-0 flex-1 gap-0.5">
                  <Link href={n.href} className="font-medium hover:underline">{n.title}</Link>
                  {n.body ? <p className="line-clamp-2 text-sm break-words text-muted-foreground">{n.body}</p> : null}
                  <time dateTime={n.createdAt} className="text-xs text-muted-foreground">{timeAgo(n.createdAt)}{n.read ? "" : " · unread"}</time>
                </div>
                {n.read ? null : (
                  <ButtonAction action={markNotificationsReadAction} fields={{ teamId: team.id, notificationId: n.id }}
                    aria-label={`Mark read: ${n.title}`} variant="ghost" pendingLabel="…">Mark read</ButtonAction>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
