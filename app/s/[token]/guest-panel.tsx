"use client";

import { useEffect, useId, useState, useTransition } from "react";
import { Check, RotateCcw } from "lucide-react";
import type { ShareGalleryItem } from "@/lib/share/share-gallery";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import { Textarea } from "@/app/_components/ui/textarea";
import { shareCall } from "./share-api";

// The visitor's name is asked once and remembered in this browser, so approving and commenting stay one click.
const NAME_KEY = "share-guest-name";

type Props = { token: string; item: ShareGalleryItem; allowApprove: boolean; allowComment: boolean; onChange: (change: (item: ShareGalleryItem) => ShareGalleryItem) => void };

export function GuestPanel({ token, item, allowApprove, allowComment, onChange }: Props) {
  const id = useId();
  const [name, setName] = useState("");
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<{ name?: string; body?: string; form?: string }>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  useEffect(() => setName(window.localStorage.getItem(NAME_KEY) ?? ""), []);
  useEffect(() => { setNotice(null); setErrors({}); }, [item.id]);
  if (!allowApprove && !allowComment) return null;
  const base = `/s/${token}/assets/${encodeURIComponent(item.id)}`;

  const needName = () => {
    if (name.trim()) return false;
    setErrors({ name: "Tell us your name first." });
    return true;
  };
  const fail = (result: { message: string; fields?: Record<string, string> }) =>
    setErrors({ ...(result.fields?.name && { name: result.fields.name }), ...(result.fields?.body && { body: result.fields.body }), ...(!result.fields && { form: result.message }) });
  const decide = (status: "approved" | "rejected") => {
    if (needName()) return;
    startTransition(async () => {
      const result = await shareCall<{ status: string }>(`${base}/approval`, { name, status });
      if (!result.ok) return fail(result);
      window.localStorage.setItem(NAME_KEY, name.trim());
      setErrors({});
      setNotice(status === "approved" ? "Approved. Thank you!" : "Marked as needing changes.");
      onChange((it) => ({ ...it, approvalStatus: status }));
    });
  };

  return (
    <section className="grid gap-4" aria-label="Your feedback">
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-name`}>Your name</Label>
        <Input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" maxLength={80}
          aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? `${id}-name-error` : undefined} />
        {errors.name ? <p id={`${id}-name-error`} className="text-[13px] text-destructive">{errors.name}</p> : null}
      </div>
      {allowApprove ? (
        <div className="grid gap-2">
          <p className="text-sm">
            Status: <strong className="font-medium">{item.approvalStatus === "approved" ? "Approved" : item.approvalStatus === "rejected" ? "Changes requested" : "Awaiting your review"}</strong>
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" disabled={pending || item.approvalStatus === "approved"} onClick={() => decide("approved")}><Check aria-hidden /> Approve</Button>
            <Button type="button" variant="secondary" disabled={pending || item.approvalStatus === "rejected"} onClick={() => decide("rejected")}><RotateCcw aria-hidden /> Request changes</Button>
          </div>
        </div>
      ) : null}
      {notice ? <p role="status" className="text-sm text-success">{notice}</p> : null}
      {errors.form ? <p role="alert" className="text-sm text-destructive">{errors.form}</p> : null}
      {allowComment ? (
        <div className="grid gap-3">
          <h2 className="text-sm font-medium">Comments</h2>
          {item.comments.length ? (
            <ul className="grid gap-2">
              {item.comments.map((c) => (
                <li key={c.id} className="rounded-lg bg-muted/50 px-3 py-2 text-sm">
                  <p className="text-xs text-muted-foreground"><strong className="font-medium text-foreground">{c.name}</strong> · <time dateTime={c.createdAt}>{new Date(c.createdAt).toLocaleString()}</time></p>
                  <p className="break-words whitespace-pre-wrap">{c.body}</p>
                </li>
              ))}
            </ul>
          ) : <p className="text-sm text-muted-foreground">No comments yet.</p>}
          <form
            className="grid gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (needName()) return;
              if (!body.trim()) return setErrors({ body: "Write something first." });
              startTransition(async () => {
                const result = await shareCall<{ id: string; name: string; body: string; createdAt: string }>(`${base}/comments`, { name, body });
                if (!result.ok) return fail(result);
                window.localStorage.setItem(NAME_KEY, name.trim());
                setErrors({});
                setBody("");
                onChange((it) => ({ ...it, comments: [...it.comments, result.data] }));
              });
            }}
          >
            <Label htmlFor={`${id}-body`}>Add a comment</Label>
            <Textarea id={`${id}-body`} value={body} onChange={(e) => setBody(e.target.value)} rows={3} maxLength={4000}
              aria-invalid={errors.body ? true : undefined} aria-describedby={errors.body ? `${id}-body-error` : undefined} />
            {errors.body ? <p id={`${id}-body-error`} className="text-[13px] text-destructive">{errors.body}</p> : null}
            <Button type="submit" variant="secondary" disabled={pending} className="justify-self-start">{pending ? "Sending…" : "Post comment"}</Button>
          </form>
        </div>
      ) : null}
    </section>
  );
}
