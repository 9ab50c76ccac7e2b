"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Lock } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import { shareCall } from "./share-api";

export function PasswordGate({ token }: { token: string }) {
  const id = useId();
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <form
        className="grid w-full max-w-sm gap-5 rounded-2xl border border-border bg-card p-6 shadow-2xl shadow-black/40"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            const result = await shareCall<{ unlocked: boolean }>(`/s/${token}/unlock`, { password });
            if (!result.ok) return setError(result.message);
            setError(null);
            router.refresh();
          });
        }}
      >
        <div className="grid justify-items-center gap-2 text-center">
          <span className="grid size-11 place-items-center rounded-full bg-secondary"><Lock aria-hidden className="size-5" /></span>
          <h1 className="text-lg font-semibold tracking-tight">This gallery is protected</h1>
          <p className="text-sm text-muted-foreground">Enter the password you were given to see the images.</p>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={id}>Password</Label>
          <Input id={id} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus
            aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
          {error ? <p id={`${id}-error`} role="alert" className="text-[13px] text-destructive">{error}</p> : null}
        </div>
        <Button type="submit" disabled={pending || password === ""}>{pending ? "Checking…" : "Open gallery"}</Button>
      </form>
    </main>
  );
}
