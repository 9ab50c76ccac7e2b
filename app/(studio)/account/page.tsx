import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { accountOverview } from "@/lib/auth/account-overview";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { ssoName } from "@/lib/auth/oidc-provider";
import { signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const token = (await cookies()).get(sessionCookie().name)?.value;
  const account = await accountOverview({ userId: user.id, currentSessionToken: token });
  const sso = ssoName();
  const methods = [account.hasPassword ? "Password" : null, "Email link", account.ssoLinked && sso ? sso : null];
  return (
    <div style={{ display: "grid", gap: "1rem", maxWidth: 640 }}>
      <div className="page-head">
        <div>
          <h1>Account</h1>
          <p className="muted" style={{ margin: 0 }}>{account.name ? `${account.name} · ${account.email}` : account.email}</p>
        </div>
      </div>
      <section className="card" aria-labelledby="methods-heading">
        <h2 id="methods-heading">Ways to sign in</h2>
        <p className="muted" style={{ margin: 0 }}>{methods.filter(Boolean).join(" · ")}</p>
      </section>
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Where you&apos;re signed in</h2>
        <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
          {account.sessions.map((s, i) => (
            <li key={i}>
              Signed in {when.format(s.createdAt)} UTC{s.current ? <strong> · this browser</strong> : null}
              <span className="muted"> · until {when.format(s.expires)} UTC</span>
            </li>
          ))}
        </ul>
        <p className="muted" style={{ margin: ".5rem 0" }}>
          Lost a laptop or signed in on a shared computer? This ends every session, including this one.
        </p>
        <form action={signOutEverywhereAction}>
          <button className="btn" type="submit" style={{ borderColor: "var(--danger)", color: "var(--danger)" }}>
            Sign out everywhere
          </button>
        </form>
      </section>
    </div>
  );
}
