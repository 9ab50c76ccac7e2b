import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await currentUser()) redirect("/");
  return (
    <main className="auth-shell">
      <div className="auth-card">
        <div className="brand" style={{ marginBottom: "1.5rem" }}>
          <span className="brand-mark" aria-hidden /> Asset Studio
        </div>
        <h1>Sign in</h1>
        <p className="muted" style={{ marginTop: 0, marginBottom: "1.5rem" }}>
          Generate, review and reuse your team&apos;s campaign images.
        </p>
        <SignInForm />
      </div>
    </main>
  );
}
