import Link from "next/link";
import { Bell } from "lucide-react";
import { countUnreadNotifications } from "@/lib/review/count-unread-notifications";

/** The header's way to the notifications page, with the unread count in its name so a screen reader hears it too. */
export async function NotificationBell(props: { userId: string; teamId: string }) {
  const unread = await countUnreadNotifications(props);
  return <BellLink unread={unread} />;
}

/**
 * The link itself; without a count it is the bell's Suspense fallback (same size), so counting the unread doesn't
 * hold the first byte of every studio page.
 */
export function BellLink({ unread }: { unread: number }) {
  const label = unread === 0 ? "Notifications" : `Notifications, ${unread} unread`;
  return (
    <Link href="/notifications" aria-label={label} title={label}
      className="relative inline-flex size-8 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
      <Bell aria-hidden className="size-4" />
      {unread > 0 ? (
        <span aria-hidden className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-primary px-1 text-center text-[10px] leading-4 font-semibold text-primary-foreground tabular-nums">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
