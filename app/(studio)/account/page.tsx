import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LogOut, Monitor } from "lucide-react";
import { currentUser } from "@/lib/auth/current-user";
import { accountOverview } from "@/lib/auth/account-overview";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { ssoName } from "@/lib/auth/oidc-provider";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

export const metadata: Metadata = { title: "Account" };

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const token = (await cookies()).get(sessionCookie().name)?.value;
  const account = await accountOverview({ userId: user.id, currentSessionToken: token });
  const sso = ssoName();
  const methods = [account.hasPassword ? "Password" : null, "Email link", account.ssoLinked && sso ? sso : null].filter((m): m is string => Boolean(m));
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Account" description={account.name ? `${account.name} · ${account.email}` : account.email} />
      <div className="grid gap-4">
        <Card aria-labelledby="methods-heading">
          <CardHeader><CardTitle id="methods-heading">Ways to sign in</CardTitle></CardHeader>
          <div className="flex flex-wrap gap-1.5">{methods.map((m) => <Badge key={m}>{m}</Badge>)}</div>
        </Card>
        <Card aria-labelledby="sessions-heading">
          <CardHeader><CardTitle id="sessions-heading">Where you&apos;re signed in</CardTitle></CardHeader>
          <ul className="grid gap-2">
            {account.sessions.map((s, i) => (
              <li key={i} className="flex items-start gap-3 rounded-lg border border-border bg-background/40 px-3 py-2 text-sm">
                <Monitor aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
                <span className="min-w-0">
                  Signed in {when.format(s.createdAt)} UTC{s.current ? <Badge variant="primary" className="ml-2">this browser</Badge> : null}
                  <span className="block text-xs text-muted-foreground">until {when.format(s.expires)} UTC</span>
                </span>
              </li>
            ))}
          </ul>
          <CardDescription className="mt-4 mb-3">Lost a laptop or signed in on a shared computer? This ends every session, including this one.</CardDescription>
          <SignOutEverywhereButton icon={<LogOut aria-hidden />} />
        </Card>
      </div>
    </div>
  );
}
