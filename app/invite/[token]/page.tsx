import type { Metadata } from "next";
import Link from "next/link";
import { AppError } from "@/lib/errors";
import { currentUser } from "@/lib/auth/current-user";
import { findInvitationByToken } from "@/lib/teams/find-invitation-by-token";
import { inviteeHasAccount } from "@/lib/teams/invitee-has-account";
import { ActionForm, FieldError, SubmitButton } from "@/app/(studio)/settings/action-form";
import { acceptInvitationAction, acceptInvitationAsNewUserAction } from "./actions";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitationByToken({ token }).catch((error) => {
    if (error instanceof AppError) return null;
    throw error;
  });
  return (
    <main className="auth-shell">
      <div className="auth-card">
        <div className="brand" style={{ marginBottom: "1.5rem" }}><span className="brand-mark" aria-hidden /> Asset Studio</div>
        {invitation ? <Invitation token={token} email={invitation.email} team={invitation.team.name} role={invitation.role} /> : (
          <>
            <h1>This link has expired</h1>
            <p className="muted">Invitation links work once and for 7 days. Ask the person who invited you for a new one.</p>
            <p><Link href="/sign-in">Sign in</Link></p>
          </>
        )}
      </div>
    </main>
  );
}

async function Invitation(props: { token: string; email: string; team: string; role: string }) {
  const user = await currentUser();
  const heading = <><h1>Join {props.team}</h1><p className="muted">You&apos;re invited as <strong>{props.role}</strong> for <strong>{props.email}</strong>.</p></>;
  if (user && user.email.toLowerCase() === props.email) {
    return (
      <>
        {heading}
        <ActionForm action={acceptInvitationAction}>
          <input type="hidden" name="token" value={props.token} />
          <SubmitButton pendingLabel="Joining…">Accept and join {props.team}</SubmitButton>
        </ActionForm>
      </>
    );
  }
  if (user) {
    return <>{heading}<p className="form-error">You&apos;re signed in as {user.email}. Sign out and open this link again as {props.email} to accept.</p></>;
  }
  if (await inviteeHasAccount({ invitation: { email: props.email } })) {
    return <>{heading}<p>You already have an account. <Link href="/sign-in">Sign in</Link> as {props.email}, then open this link again.</p></>;
  }
  return (
    <>
      {heading}
      <p className="muted">Create your account to accept.</p>
      <ActionForm action={acceptInvitationAsNewUserAction}>
        <input type="hidden" name="token" value={props.token} />
        <div className="field">
          <label htmlFor="name">Your name</label>
          <input id="name" name="name" autoComplete="name" required />
          <FieldError name="name" />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="new-password" minLength={12} required />
          <FieldError name="password" />
        </div>
        <SubmitButton pendingLabel="Creating your account…">Create account and join</SubmitButton>
      </ActionForm>
    </>
  );
}
