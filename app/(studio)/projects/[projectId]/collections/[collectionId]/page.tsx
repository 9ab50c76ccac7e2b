import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImageIcon, Sparkles } from "lucide-react";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { listAssetsQuery } from "@/lib/assets/asset-schemas";
import { listAssets } from "@/lib/assets/list-assets";
import { galleryAssetDto } from "@/lib/assets/gallery-asset-dto";
import { getCollectionOrThrow } from "@/lib/collections/get-collection-or-throw";
import { resolveCollectionQuery } from "@/lib/collections/resolve-collection-query";
import { toCollectionDto } from "@/lib/collections/collection-dto";
import { ActionForm, Field, SubmitButton } from "@/app/_components/action-form";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { deleteCollectionAction, removeFromCollectionAction, renameCollectionAction } from "../actions";
import { projectPageAccess } from "@/app/(studio)/projects/[projectId]/project-page-access";
import { describeFilter } from "../describe-filter";
import { ShareCollectionButton } from "../../_components/share/share-dialog";

export const metadata: Metadata = { title: "Collection" };

const PAGE = 60;

export default async function CollectionPage(props: { params: Promise<{ projectId: string; collectionId: string }>; searchParams: Promise<{ cursor?: string }> }) {
  const { projectId, collectionId } = await props.params;
  const { cursor } = await props.searchParams;
  const { user, project } = await projectPageAccess(projectId);
  const { collection, access } = await getCollectionOrThrow({ caller: { kind: "user", userId: user.id }, collectionId, permission: "project.read" }).catch(
    (error: unknown) => {
      if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
      throw error;
    },
  );
  if (collection.projectId !== project.id) notFound();
  const query = await resolveCollectionQuery({ projectId, query: listAssetsQuery.parse({ collection: collection.id, limit: PAGE, ...(cursor && { cursor }) }) });
  const { data, nextCursor } = await listAssets({ projectId, teamId: project.teamId, query });
  const now = Date.now();
  const assets = await Promise.all(data.map((a) => galleryAssetDto(a, now)));
  const dto = toCollectionDto(collection, null);
  const canEdit = can(access.role, "asset.edit");
  const hidden = <input type="hidden" name="collectionId" value={collection.id} />;
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        back={{ href: `/projects/${project.id}/collections`, label: "Collections" }}
        title={<span className="flex flex-wrap items-center gap-2">{dto.smart ? <Sparkles aria-hidden className="size-5 text-primary" /> : null}{collection.name}</span>}
        description={dto.filter ? `Smart collection: ${describeFilter(dto.filter)}` : `Hand-picked images of ${project.name}.`}
        actions={canEdit ? (
          <div className="flex flex-wrap gap-2">
            <ShareCollectionButton projectId={project.id} collectionId={collection.id} name={collection.name} canApprove={can(access.role, "asset.approve")} />
            <ActionForm action={deleteCollectionAction} showMessage={false} aria-label={`Delete ${collection.name}`}
              confirm={{ title: `Delete ${collection.name}?`, description: "Collections inside it go too. The images stay in the project.", action: "Delete", destructive: true }}>
              {hidden}<SubmitButton variant="destructive" size="sm" pendingLabel="Deleting…">Delete collection</SubmitButton>
            </ActionForm>
          </div>
        ) : null}
      />
      {canEdit ? (
        <ActionForm action={renameCollectionAction} aria-label="Rename collection" className="mb-5 flex flex-wrap items-end gap-2">
          {hidden}
          <Field id="rename-collection" name="name" label="Name" className="min-w-0 flex-1 sm:max-w-sm"><Input id="rename-collection" name="name" defaultValue={collection.name} /></Field>
          <SubmitButton variant="secondary" pendingLabel="Saving…">Rename</SubmitButton>
        </ActionForm>
      ) : null}
      {assets.length === 0 ? (
        <EmptyState icon={<ImageIcon aria-hidden />} title={dto.smart ? "Nothing matches yet" : "No images in it yet"}
          description={dto.smart ? "Images that match its query appear here as they are made." : "Select images in the gallery and add them to this collection."} />
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-5">
          {assets.map((a) => (
            <li key={a.id} className="group relative overflow-hidden rounded-lg border border-border bg-muted">
              <Link href={`/projects/${project.id}/assets/${a.id}`} className="block">
                {/* Presigned for this render; every action on the page re-renders it with fresh ones. */}
                <img src={a.urls.thumbSmall} alt={a.recipe.prompt || "Image"} width={a.width} height={a.height} loading="lazy" className="aspect-square w-full object-cover" />
              </Link>
              <div className="flex items-center gap-1 px-2 py-1.5">
                <span className="min-w-0 flex-1 truncate text-xs text-muted-foreground">{a.recipe.prompt || "Untitled"}</span>
                {a.approvalStatus === "approved" ? <Badge variant="success">approved</Badge> : null}
                {canEdit && !dto.smart ? (
                  <ActionForm action={removeFromCollectionAction} showMessage={false} aria-label={`Remove ${a.recipe.prompt || "image"} from ${collection.name}`}>
                    {hidden}<input type="hidden" name="assetId" value={a.id} />
                    <SubmitButton variant="ghost" size="sm" pendingLabel="…">Remove</SubmitButton>
                  </ActionForm>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <div className="mt-5 flex justify-center">
          <Button asChild variant="secondary"><Link href={`?cursor=${encodeURIComponent(nextCursor)}`}>Next {PAGE}</Link></Button>
        </div>
      ) : null}
    </div>
  );
}
