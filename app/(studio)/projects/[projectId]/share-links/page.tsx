import type { Metadata } from "next";
import Link from "next/link";
import { Link2 } from "lucide-react";
import { can } from "@/lib/auth/permissions";
import { listShareLinks } from "@/lib/share/list-share-links";
import type { ShareLinkDto } from "@/lib/share/share-link-schemas";
import { ActionForm, SubmitButton } from "@/app/_components/action-form";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { projectPageAccess } from "@/app/(studio)/projects/[projectId]/project-page-access";
import { revokeShareLinkAction } from "./actions";
import { CopyLinkButton } from "./copy-link-button";

export const metadata: Metadata = { title: "Share links" };

const date = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export default async function ShareLinksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, access } = await projectPageAccess(projectId);
  const links = await listShareLinks({ projectId: project.id });
  const canEdit = can(access.role, "asset.edit");
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader back={{ href: `/projects/${project.id}`, label: project.name }} title="Share links"
        description="Links that show a collection or a selection to clients without an account. Share from a collection page or the gallery's selection bar." />
      {links.length === 0 ? (
        <EmptyState icon={<Link2 aria-hidden />} title="No share links yet"
          description="Select images in the gallery (or open a collection) and choose Share to make a link for a client." />
      ) : (
        <ul className="grid gap-3" aria-label="Share links">
          {links.map((link) => <LinkRow key={link.id} link={link} projectId={project.id} canEdit={canEdit} />)}
        </ul>
      )}
    </div>
  );
}

function LinkRow({ link, projectId, canEdit }: { link: ShareLinkDto; projectId: string; canEdit: boolean }) {
  const options = [
    link.passwordProtected && "password",
    link.allowDownload && "downloads",
    link.allowComment && "comments",
    link.allowApprove && "approvals",
    link.showPrompts && "prompts shown",
  ].filter(Boolean);
  return (
    <li className="grid gap-3 rounded-xl border border-border bg-card p-4 sm:grid-cols-[minmax(0,1fr)_auto]" aria-label={link.name}>
      <div className="grid min-w-0 gap-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="font-medium break-words">{link.name}</h2>
          {link.status === "active" ? <Badge variant="success">active</Badge> : link.status === "expired" ? <Badge variant="warning">expired</Badge> : <Badge variant="destructive">revoked</Badge>}
        </div>
        <p className="text-[13px] text-muted-foreground">
          {link.scope.kind === "collection"
            ? <>Collection <Link className="underline underline-offset-2 hover:text-foreground" href={`/projects/${projectId}/collections/${link.scope.collectionId}`}>{link.scope.collectionName}</Link></>
            : `${link.scope.assetCount} selected ${link.scope.assetCount === 1 ? "image" : "images"}`}
          {" · "}created {date(link.createdAt)}
          {" · "}{link.revokedAt ? `revoked ${date(link.revokedAt)}` : link.expiresAt ? `${link.status === "expired" ? "expired" : "expires"} ${date(link.expiresAt)}` : "no expiry"}
        </p>
        <p className="text-[13px] text-muted-foreground">{options.length ? options.join(" · ") : "view only"}</p>
        <dl className="mt-1 flex gap-5 text-sm">
          <div className="flex gap-1.5"><dt className="text-muted-foreground">Views</dt><dd className="font-medium tabular-nums" data-testid="views">{link.viewCount}</dd></div>
          <div className="flex gap-1.5"><dt className="text-muted-foreground">Downloads</dt><dd className="font-medium tabular-nums" data-testid="downloads">{link.downloadCount}</dd></div>
        </dl>
      </div>
      <div className="flex flex-wrap items-start gap-2 sm:justify-end">
        {link.status === "active" ? <CopyLinkButton url={link.url} name={link.name} /> : null}
        {canEdit && link.status === "active" ? (
          <ActionForm action={revokeShareLinkAction} showMessage={false} aria-label={`Revoke ${link.name}`}
            confirm={{ title: `Revoke “${link.name}”?`, description: "The link stops working at once for everyone who has it. This can't be undone.", action: "Revoke", destructive: true }}>
            <input type="hidden" name="projectId" value={projectId} />
            <input type="hidden" name="shareLinkId" value={link.id} />
            <SubmitButton variant="destructive" size="sm" pendingLabel="Revoking…">Revoke</SubmitButton>
          </ActionForm>
        ) : null}
      </div>
    </li>
  );
}
