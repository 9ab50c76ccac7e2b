import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { MailCheck } from "lucide-react";
import { currentUser } from "@/lib/auth/current-user";
import { ssoName } from "@/lib/auth/oidc-provider";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/auth/email-provider";
import { AuthShell } from "@/app/_components/auth-shell";
import { FormAlert } from "@/app/_components/action-form";
import { SignInForm } from "./sign-in-form";
import { SsoButton } from "./sso-button";
import { signInNotice } from "./sign-in-notice";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  if (await currentUser()) redirect("/");
  const params = await searchParams;
  const checkEmail = params["check-email"] === "1";
  const notice = signInNotice(params);
  const sso = ssoName();
  return (
    <AuthShell>
      {checkEmail ? (
        <div className="grid gap-3">
          <MailCheck aria-hidden className="size-6 text-primary" />
          <h1 className="text-xl font-semibold tracking-tight">Check your email</h1>
          <p className="text-sm text-muted-foreground">
            If that address can sign in here, a sign-in link is on its way. It works once and expires in {MAGIC_LINK_MAX_AGE_SECONDS / 60} minutes.
          </p>
          <Link href="/sign-in" className="text-sm text-primary hover:underline">Back to sign in</Link>
        </div>
      ) : (
        <>
          <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
          <p className="mt-1 mb-6 text-sm text-muted-foreground">Generate, review and reuse your team&apos;s campaign images.</p>
          {notice ? (
            notice.kind === "error" ? <FormAlert className="mb-4">{notice.text}</FormAlert> : (
              <p role="status" className="mb-4 rounded-md border border-primary/30 bg-primary/10 px-3 py-2 text-sm text-primary">{notice.text}</p>
            )
          ) : null}
          <SignInForm />
          {sso ? (
            <>
              <div className="my-5 flex items-center gap-3 text-xs text-muted-foreground"><span className="h-px flex-1 bg-border" />or<span className="h-px flex-1 bg-border" /></div>
              <SsoButton name={sso} />
            </>
          ) : null}
        </>
      )}
    </AuthShell>
  );
}
