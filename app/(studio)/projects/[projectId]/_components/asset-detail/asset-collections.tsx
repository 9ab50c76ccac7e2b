"use client";

import { useEffect, useState } from "react";
import { toast } from "sonner";
import { FolderOpen } from "lucide-react";
import { changeCollection, loadHandPicked } from "../../_gallery/collection-menu";

/**
 * The hand-picked collections this image is in, each a checkbox that adds it or takes it out (editors; others see
 * the list). Membership comes with the detail (`collectionIds`); the list of collections is read when shown.
 */
export function AssetCollections(props: { projectId: string; assetId: string; collectionIds: string[]; canEdit: boolean }) {
  const [collections, setCollections] = useState<Awaited<ReturnType<typeof loadHandPicked>> | null>(null);
  const [member, setMember] = useState(() => new Set(props.collectionIds));
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => setMember(new Set(props.collectionIds)), [props.collectionIds]);
  useEffect(() => {
    let cancelled = false;
    loadHandPicked(props.projectId).then((c) => !cancelled && setCollections(c), () => !cancelled && setCollections([]));
    return () => {
      cancelled = true;
    };
  }, [props.projectId]);
  if (!collections || collections.length === 0) return null;

  const toggle = async (id: string, label: string, on: boolean) => {
    setBusy(id);
    try {
      await changeCollection(id, on ? { add: [props.assetId] } : { remove: [props.assetId] });
      setMember((current) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      });
      toast.success(on ? `Added to ${label}.` : `Removed from ${label}.`);
    } catch (cause) {
      toast.error(cause instanceof Error ? cause.message : "The collection could not be changed.");
    } finally {
      setBusy(null);
    }
  };
  return (
    <fieldset className="grid gap-1.5">
      <legend className="mb-1.5 flex items-center gap-1.5 text-[13px] font-medium text-muted-foreground"><FolderOpen aria-hidden className="size-3.5" /> Collections</legend>
      <ul className="grid gap-1">
        {collections.map((c) => (
          <li key={c.id}>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="size-4 accent-primary" checked={member.has(c.id)} disabled={!props.canEdit || busy !== null}
                onChange={(e) => void toggle(c.id, c.label, e.target.checked)} />
              <span className="min-w-0 truncate">{c.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
