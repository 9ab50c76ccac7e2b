import { DetailSkeleton } from "../../_components/asset-detail/detail-skeleton";

export default function Loading() {
  return <DetailSkeleton label="Loading the image" />;
}
