// GET /api/v1/assets/:assetId/review-history - every change of the image's approval status: who, from, to, when
import { json } from "@/lib/http/respond";
import { withAsset } from "@/lib/http/with-asset";
import { listReviewHistory } from "@/lib/review/list-review-history";

export const GET = withAsset("project.read", async ({ asset }) => json({ data: await listReviewHistory({ assetId: asset.id }) }));
