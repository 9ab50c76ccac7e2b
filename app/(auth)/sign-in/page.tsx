import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { ssoName } from "@/lib/auth/oidc-provider";
import { SignInForm } from "./sign-in-form";
import { SsoButton } from "./sso-button";
import { signInNotice } from "./sign-in-notice";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/auth/email-provider";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  if (await currentUser()) redirect("/");
  const params = await searchParams;
  const checkEmail = params["check-email"] === "1";
  const notice = signInNotice(params);
  const sso = ssoName();
  return (
    <main className="auth-shell">
      <div className="auth-card">
        <div className="brand" style={{ marginBottom: "1.5rem" }}>
          <span className="brand-mark" aria-hidden /> Asset Studio
        </div>
        {checkEmail ? (
          <>
            <h1>Check your email</h1>
            <p className="muted">
              If that address can sign in here, a sign-in link is on its way. It works once and expires in {MAGIC_LINK_MAX_AGE_SECONDS / 60} minutes.
            </p>
            <Link href="/sign-in">Back to sign in</Link>
          </>
        ) : (
          <>
            <h1>Sign in</h1>
            <p className="muted" style={{ marginTop: 0, marginBottom: "1.5rem" }}>
              Generate, review and reuse your team&apos;s campaign images.
            </p>
            {notice ? (
              <p className={notice.kind === "error" ? "form-error" : "notice"} role={notice.kind === "error" ? "alert" : "status"}
                style={{ marginBottom: "1rem" }}>
                {notice.text}
              </p>
            ) : null}
            <SignInForm />
            {sso ? (
              <>
                <p className="muted" style={{ textAlign: "center", margin: "1rem 0" }}>or</p>
                <SsoButton name={sso} />
              </>
            ) : null}
          </>
        )}
      </div>
    </main>
  );
}
