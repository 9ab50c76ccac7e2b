import { loadAssetDetail } from "../../../_components/asset-detail/load-asset-detail";
import { AssetDetailView } from "../../../_components/asset-detail/asset-detail-view";
import { AssetModal } from "../../../_components/asset-detail/asset-modal";

// A click on a gallery tile (a soft navigation to /projects/:id/assets/:assetId) lands here: the detail over the
// gallery, which stays mounted underneath with its scroll position. A reload of the same URL shows the direct page.
export default async function AssetModalPage(props: { params: Promise<{ projectId: string; assetId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { projectId, assetId } = await props.params;
  const loaded = await loadAssetDetail({ projectId, assetId, searchParams: await props.searchParams });
  return (
    <AssetModal>
      <AssetDetailView {...loaded} inModal />
    </AssetModal>
  );
}
