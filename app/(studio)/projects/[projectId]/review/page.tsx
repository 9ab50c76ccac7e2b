import type { Metadata } from "next";
import { ClipboardCheck } from "lucide-react";
import { can } from "@/lib/auth/permissions";
import { listComments } from "@/lib/review/list-comments";
import { listReviewQueue } from "@/lib/review/list-review-queue";
import { mentionableMembers } from "@/lib/review/mentionable-members";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { ReviewItem } from "./review-item";
import { projectPageAccess } from "../project-page-access";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, project, access } = await projectPageAccess(projectId);
  const [queue, members] = await Promise.all([listReviewQueue({ projectId, teamId: project.teamId }), mentionableMembers({ teamId: project.teamId, projectId })]);
  const comments = await listComments({ assetIds: queue.data.map((a) => a.id) });
  const canApprove = can(access.role, "asset.approve");
  const canComment = can(access.role, "comment.create");
  const others = members.filter((m) => m.id !== user.id).map((m) => `@${m.email}`);
  const mentionHint = others.length ? `Mention to notify: ${others.slice(0, 4).join(", ")}${others.length > 4 ? ", …" : ""}` : "";
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        back={{ href: `/projects/${project.id}`, label: project.name }}
        title={<span className="flex flex-wrap items-center gap-2">Review <Badge>{queue.data.length}{queue.nextCursor ? "+" : ""}</Badge></span>}
        description={canApprove ? "Images sent for review, oldest first. Approve or reject each; comments notify anyone you @mention." : "Images sent for review, oldest first. Owners and admins approve or reject them."}
      />
      {queue.data.length === 0 ? (
        <EmptyState icon={<ClipboardCheck aria-hidden />} title="Nothing waiting for review"
          description="Send an image for review from its page or the gallery's bulk actions; it shows up here for an owner or admin to decide." />
      ) : (
        <div className="grid gap-4">
          {queue.data.map((asset) => (
            <ReviewItem key={asset.id} asset={asset} comments={comments.filter((c) => c.assetId === asset.id)} canApprove={canApprove} canComment={canComment}
              canManage={can(access.role, "project.manage")} userId={user.id} mentionHint={mentionHint} />
          ))}
        </div>
      )}
    </div>
  );
}
