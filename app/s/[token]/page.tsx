import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { findLiveShareLink } from "@/lib/share/find-share-link";
import { recordShareView } from "@/lib/share/record-share-view";
import { shareGallery } from "@/lib/share/share-gallery";
import { UNLOCK_COOKIE, unlockCookieValue } from "@/lib/share/share-token";
import { PasswordGate } from "./password-gate";
import { ShareGalleryView } from "./share-gallery-view";

// A client's view of shared work: no studio chrome, no brand, no sign-in. The token is the only credential; the
// studio's session (if any) is ignored, so a member sees exactly what the client sees. No loading.tsx here on purpose:
// a streamed response is sent as 200 before notFound() can run, and a missing, expired or revoked link must be a 404.
export const metadata: Metadata = { title: { absolute: "Shared images" }, referrer: "no-referrer" };

export default async function SharePage(props: { params: Promise<{ token: string }> }) {
  const { token } = await props.params;
  const link = await findLiveShareLink({ token });
  if (!link) notFound();
  if (link.passwordHash) {
    const unlock = (await cookies()).get(UNLOCK_COOKIE)?.value;
    if (unlock !== unlockCookieValue(token, link.passwordHash)) return <PasswordGate token={token} />;
  }
  const [gallery] = await Promise.all([shareGallery(link), recordShareView({ shareLinkId: link.id })]);
  return <ShareGalleryView token={token} gallery={gallery} />;
}
