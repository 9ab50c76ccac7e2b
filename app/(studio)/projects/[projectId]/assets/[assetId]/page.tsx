import type { Metadata } from "next";
import { loadAssetDetail } from "../../_components/asset-detail/load-asset-detail";
import { AssetDetailView } from "../../_components/asset-detail/asset-detail-view";

export const metadata: Metadata = { title: "Image" };

// The image detail at its own URL (a shared link, a reload, a new tab); from the gallery the same URL opens as a modal
// (@modal/(.)assets/[assetId]).
export default async function AssetPage(props: { params: Promise<{ projectId: string; assetId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { projectId, assetId } = await props.params;
  const loaded = await loadAssetDetail({ projectId, assetId, searchParams: await props.searchParams });
  return (
    <>
      <h1 className="sr-only">Image</h1>
      <AssetDetailView {...loaded} />
    </>
  );
}
