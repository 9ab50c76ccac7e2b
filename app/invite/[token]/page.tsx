import type { Metadata } from "next";
import Link from "next/link";
import { AppError } from "@/lib/errors";
import { currentUser } from "@/lib/auth/current-user";
import { hasAccount } from "@/lib/auth/has-account";
import { findInvitationByToken } from "@/lib/invitations/find-invitation-by-token";
import { ActionForm, Field, FormAlert, SubmitButton } from "@/app/_components/action-form";
import { AuthShell } from "@/app/_components/auth-shell";
import { Input } from "@/app/_components/ui/input";
import { acceptInvitationAction, acceptInvitationAsNewUserAction } from "./actions";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitationByToken({ token }).catch((error) => {
    if (error instanceof AppError) return null;
    throw error;
  });
  return (
    <AuthShell>
      {invitation ? <Invitation token={token} email={invitation.email} team={invitation.team.name} role={invitation.role} /> : (
        <div className="grid gap-3">
          <h1 className="text-xl font-semibold tracking-tight">This link has expired</h1>
          <p className="text-sm text-muted-foreground">Invitation links work once and for 7 days. Ask the person who invited you for a new one.</p>
          <Link href="/sign-in" className="text-sm text-primary hover:underline">Sign in</Link>
        </div>
      )}
    </AuthShell>
  );
}

async function Invitation(props: { token: string; email: string; team: string; role: string }) {
  const user = await currentUser();
  const heading = (
    <div className="mb-5 grid gap-1">
      <h1 className="text-xl font-semibold tracking-tight">Join {props.team}</h1>
      <p className="text-sm text-muted-foreground">You&apos;re invited as <strong className="text-foreground">{props.role}</strong> for <strong className="text-foreground break-all">{props.email}</strong>.</p>
    </div>
  );
  if (user && user.email.toLowerCase() === props.email) {
    return (
      <>
        {heading}
        <ActionForm action={acceptInvitationAction} aria-label="Accept invitation">
          <input type="hidden" name="token" value={props.token} />
          <SubmitButton pendingLabel="Joining…" className="w-full">Accept and join {props.team}</SubmitButton>
        </ActionForm>
      </>
    );
  }
  if (user) {
    return <>{heading}<FormAlert>You&apos;re signed in as {user.email}. Sign out and open this link again as {props.email} to accept.</FormAlert></>;
  }
  if (await hasAccount({ email: props.email })) {
    return <>{heading}<p className="text-sm">You already have an account. <Link href="/sign-in" className="text-primary hover:underline">Sign in</Link> as {props.email}, then open this link again.</p></>;
  }
  return (
    <>
      {heading}
      <p className="mb-4 text-sm text-muted-foreground">Create your account to accept.</p>
      <ActionForm action={acceptInvitationAsNewUserAction} aria-label="Create account" className="grid gap-4">
        <input type="hidden" name="token" value={props.token} />
        <Field id="name" name="name" label="Your name">
          <Input id="name" name="name" autoComplete="name" required />
        </Field>
        <Field id="password" name="password" label="Password" hint="At least 12 characters.">
          <Input id="password" name="password" type="password" autoComplete="new-password" minLength={12} required />
        </Field>
        <SubmitButton pendingLabel="Creating your account…" className="w-full">Create account and join</SubmitButton>
      </ActionForm>
    </>
  );
}
