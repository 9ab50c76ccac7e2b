import type { Metadata } from "next";
import Link from "next/link";
import { FolderOpen, Sparkles } from "lucide-react";
import { can } from "@/lib/auth/permissions";
import { listCollections } from "@/lib/collections/list-collections";
import { ActionForm, Field, SubmitButton } from "@/app/_components/action-form";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { cn } from "@/app/_components/cn";
import { createCollectionAction } from "./actions";
import { projectPageAccess } from "@/app/(studio)/projects/[projectId]/project-page-access";
import { describeFilter } from "./describe-filter";

export const metadata: Metadata = { title: "Collections" };

export default async function CollectionsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, access } = await projectPageAccess(projectId);
  const collections = await listCollections({ projectId: project.id });
  const topLevel = collections.filter((c) => c.parentId === null);
  const canEdit = can(access.role, "asset.edit");
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader back={{ href: `/projects/${project.id}`, label: project.name }} title="Collections"
        description="Hand-picked sets of images, and smart collections that keep matching a saved gallery query." />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(280px,340px)]">
        <section aria-label="Collections" className="grid min-w-0 content-start gap-3">
          {collections.length === 0 ? (
            <EmptyState icon={<FolderOpen aria-hidden />} title="No collections yet"
              description={canEdit ? "Create one to gather the picks for a deck, a client or a channel; smart ones fill themselves." : "Collections made in this project show up here."} />
          ) : (
            collections.map((c) => (
              <Link key={c.id} href={`/projects/${project.id}/collections/${c.id}`}
                className={cn("block rounded-xl border border-border bg-card px-4 py-3 transition-colors hover:border-primary/50", c.parentId && "ms-6")}>
                <div className="flex flex-wrap items-center gap-2">
                  {c.smart ? <Sparkles aria-hidden className="size-4 text-primary" /> : <FolderOpen aria-hidden className="size-4 text-muted-foreground" />}
                  <span className="font-medium">{c.name}</span>
                  {c.smart ? <Badge variant="primary">smart</Badge> : <Badge>{c.assetCount} {c.assetCount === 1 ? "image" : "images"}</Badge>}
                </div>
                {c.filter ? <p className="mt-1 text-xs text-muted-foreground">{describeFilter(c.filter)}</p> : null}
              </Link>
            ))
          )}
        </section>
        {canEdit ? (
          <Card className="content-start">
            <CardHeader><CardTitle>New collection</CardTitle><CardDescription className="basis-full">Smart collections stay current: new images that match appear in them.</CardDescription></CardHeader>
            <ActionForm action={createCollectionAction} resetOnSuccess aria-label="New collection" className="grid gap-3">
              <input type="hidden" name="projectId" value={project.id} />
              <Field id="collection-name" name="name" label="Name"><Input id="collection-name" name="name" placeholder="Client picks — round 1" /></Field>
              <Field id="collection-parent" name="parentId" label="Inside">
                <NativeSelect id="collection-parent" name="parentId" defaultValue="">
                  <option value="">Nothing (top level)</option>
                  {topLevel.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                </NativeSelect>
              </Field>
              <Field id="collection-kind" name="kind" label="Kind">
                <NativeSelect id="collection-kind" name="kind" defaultValue="manual">
                  <option value="manual">Hand-picked</option>
                  <option value="smart">Smart: a saved query</option>
                </NativeSelect>
              </Field>
              <fieldset className="grid gap-3 rounded-lg border border-border p-3">
                <legend className="px-1 text-xs text-muted-foreground">Smart query (used for smart collections)</legend>
                <Field id="collection-q" name="filter.q" label="Prompt contains"><Input id="collection-q" name="q" placeholder="sneaker" /></Field>
                <Field id="collection-approval" name="filter.approval" label="Approval">
                  <NativeSelect id="collection-approval" name="approval" defaultValue="">
                    <option value="">Any</option><option value="none">Draft</option><option value="pending">In review</option><option value="approved">Approved</option><option value="rejected">Rejected</option>
                  </NativeSelect>
                </Field>
                <Field id="collection-favourite" name="filter.favourite" label="Favourites">
                  <NativeSelect id="collection-favourite" name="favourite" defaultValue=""><option value="">All images</option><option value="true">Favourites only</option></NativeSelect>
                </Field>
                <Field id="collection-tag" name="filter.tag" label="Tag"><Input id="collection-tag" name="tag" placeholder="hero" /></Field>
              </fieldset>
              <SubmitButton pendingLabel="Creating…">Create collection</SubmitButton>
            </ActionForm>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
