import Link from "next/link";
import { PROVIDER_LABELS } from "@/lib/kling/providers";
import { teamProviderRoutes } from "@/lib/providers-config/provider-route";

/**
 * The header's word on where this team's generations go (its default provider), from the same decision the submit
 * path acts on (lib/providers-config/provider-route.ts): nothing when a real key is used, a notice for the simulator,
 * a warning when nothing is configured and generations would be refused.
 */
export async function ProviderNotice({ teamId }: { teamId: string }) {
  const { defaultProvider, defaultRoute } = await teamProviderRoutes({ teamId });
  const label = PROVIDER_LABELS[defaultProvider];
  if (defaultRoute === "simulator") {
    return (
      <span className="notice" data-provider-route="simulator" title={`No ${label} key is configured for this team or this server, so generations go to the built-in simulator.`}>
        Simulator mode: no {label} key configured
      </span>
    );
  }
  if (defaultRoute === "none") {
    return (
      <Link href="/settings/providers" className="notice" data-provider-route="none" title="Generations will be refused until a key is added.">
        No {label} key configured: add one to generate
      </Link>
    );
  }
  return null;
}
