import Link from "next/link";
import { Check, ExternalLink, MessageSquare, Undo2, X } from "lucide-react";
import type { GalleryAssetDto } from "@/lib/assets/gallery-asset-dto";
import type { CommentDto } from "@/lib/review/comment-schemas";
import { ActionForm, Field, SubmitButton } from "@/app/_components/action-form";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { Textarea } from "@/app/_components/ui/textarea";
import { addCommentAction, deleteCommentAction, setApprovalAction } from "./actions";
import { timeAgo } from "@/app/(studio)/settings/time-ago";

type Item = GalleryAssetDto & { commentCount: number };

/** One image waiting for a decision: the image, its prompt, the decision buttons and its comment thread. */
export function ReviewItem(props: { asset: Item; comments: CommentDto[]; canApprove: boolean; canComment: boolean; canManage: boolean; userId: string; mentionHint: string }) {
  const { asset, comments } = props;
  const top = comments.filter((c) => c.parentId === null);
  const replies = (id: string) => comments.filter((c) => c.parentId === id);
  const hidden = <input type="hidden" name="assetId" value={asset.id} />;
  const label = asset.recipe.prompt || "Untitled image";
  return (
    <Card className="grid gap-4 md:grid-cols-[minmax(0,320px)_minmax(0,1fr)]">
      <div className="grid content-start gap-2">
        <Link href={`/projects/${asset.projectId}/assets/${asset.id}`} className="block overflow-hidden rounded-lg border border-border bg-muted">
          <img src={asset.urls.thumbLarge} alt={label} width={asset.width} height={asset.height} className="h-auto w-full object-contain" />
        </Link>
        <p className="line-clamp-3 text-sm">{label}</p>
        <p className="text-xs text-muted-foreground">
          {[asset.recipe.model, asset.recipe.provider, asset.recipe.aspectRatio, asset.recipe.resolution].filter(Boolean).join(" · ")} · {timeAgo(asset.createdAt)}
        </p>
      </div>
      <div className="grid min-w-0 content-start gap-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant="warning">In review</Badge>
          <span className="inline-flex items-center gap-1 text-xs text-muted-foreground"><MessageSquare aria-hidden className="size-3.5" />{asset.commentCount}</span>
          <div className="ms-auto flex flex-wrap gap-2">
            <Button asChild variant="ghost" size="sm"><Link href={`/projects/${asset.projectId}/assets/${asset.id}`}><ExternalLink aria-hidden /> Open</Link></Button>
            {props.canApprove ? (
              <>
                <ActionForm action={setApprovalAction} showMessage={false} aria-label={`Reject ${label}`}>
                  {hidden}<input type="hidden" name="status" value="rejected" />
                  <SubmitButton variant="secondary" size="sm" pendingLabel="Rejecting…"><X aria-hidden /> Reject</SubmitButton>
                </ActionForm>
                <ActionForm action={setApprovalAction} showMessage={false} aria-label={`Approve ${label}`}>
                  {hidden}<input type="hidden" name="status" value="approved" />
                  <SubmitButton size="sm" pendingLabel="Approving…"><Check aria-hidden /> Approve</SubmitButton>
                </ActionForm>
              </>
            ) : props.canComment ? (
              <ActionForm action={setApprovalAction} showMessage={false} aria-label={`Withdraw ${label}`}>
                {hidden}<input type="hidden" name="status" value="none" />
                <SubmitButton variant="secondary" size="sm" pendingLabel="Withdrawing…"><Undo2 aria-hidden /> Withdraw</SubmitButton>
              </ActionForm>
            ) : null}
          </div>
        </div>

        <section aria-label={`Comments on ${label}`} className="grid gap-3">
          {top.length === 0 ? <p className="text-sm text-muted-foreground">No comments yet.</p> : null}
          {top.map((c) => (
            <div key={c.id} className="grid gap-2">
              <CommentView comment={c} {...props} />
              <div className="ms-5 grid gap-2 border-s border-border ps-3">
                {replies(c.id).map((r) => <CommentView key={r.id} comment={r} {...props} />)}
                {props.canComment && !c.deleted ? <CommentForm assetId={asset.id} parentId={c.id} mentionHint={props.mentionHint} /> : null}
              </div>
            </div>
          ))}
          {props.canComment ? <CommentForm assetId={asset.id} mentionHint={props.mentionHint} /> : null}
        </section>
      </div>
    </Card>
  );
}

function CommentView(props: { comment: CommentDto; asset: Item; userId: string; canManage: boolean }) {
  const { comment } = props;
  const mayDelete = !comment.deleted && (comment.author?.id === props.userId || props.canManage);
  return (
    <article className="grid gap-1 rounded-lg bg-muted/40 px-3 py-2 text-sm">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <strong className="font-medium">{comment.author ? (comment.author.name ?? comment.author.email) : `${comment.guestName ?? "Client"} (via share link)`}</strong>
        <time dateTime={comment.createdAt} className="text-xs text-muted-foreground">{timeAgo(comment.createdAt)}</time>
        {mayDelete ? (
          <ActionForm action={deleteCommentAction} showMessage={false} className="ms-auto" aria-label="Delete comment"
            confirm={{ title: "Delete this comment?", description: "Replies stay; the comment's text is removed.", action: "Delete", destructive: true }}>
            <input type="hidden" name="assetId" value={props.asset.id} /><input type="hidden" name="commentId" value={comment.id} />
            <SubmitButton variant="ghost" size="sm" pendingLabel="Deleting…">Delete</SubmitButton>
          </ActionForm>
        ) : null}
      </div>
      {comment.deleted ? <p className="italic text-muted-foreground">Comment deleted.</p> : <p className="whitespace-pre-wrap break-words">{comment.body}</p>}
    </article>
  );
}

function CommentForm(props: { assetId: string; parentId?: string; mentionHint: string }) {
  const id = `comment-${props.assetId}-${props.parentId ?? "new"}`;
  return (
    <ActionForm action={addCommentAction} resetOnSuccess showMessage={false} className="grid gap-2" aria-label={props.parentId ? "Reply" : "Add a comment"}>
      <input type="hidden" name="assetId" value={props.assetId} />
      {props.parentId ? <input type="hidden" name="parentId" value={props.parentId} /> : null}
      <Field id={id} name="body" label={props.parentId ? "Reply" : "Comment"} hint={props.parentId ? undefined : props.mentionHint}>
        <Textarea id={id} name="body" rows={props.parentId ? 1 : 2} placeholder={props.parentId ? "Reply…" : "What should change? Mention someone with @their-email"} />
      </Field>
      <div><SubmitButton variant="secondary" size="sm" pendingLabel="Posting…">{props.parentId ? "Reply" : "Comment"}</SubmitButton></div>
    </ActionForm>
  );
}
