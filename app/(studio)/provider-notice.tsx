import Link from "next/link";
import { FlaskConical, KeyRound } from "lucide-react";
import { PROVIDER_LABELS } from "@/lib/kling/providers";
import { teamProviderRoutes } from "@/lib/providers-config/provider-route";
import { Badge } from "@/app/_components/ui/badge";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/app/_components/ui/tooltip";

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
      <Tooltip>
        <TooltipTrigger asChild>
          <Badge variant="warning" tabIndex={0} className="cursor-default" data-provider-route="simulator">
            <FlaskConical aria-hidden className="size-3" />
            <span className="hidden sm:inline">Simulator mode</span>
            <span className="sr-only sm:hidden">Simulator mode</span>
          </Badge>
        </TooltipTrigger>
        <TooltipContent>No {label} key is configured for this team or this server, so generations go to the built-in simulator.</TooltipContent>
      </Tooltip>
    );
  }
  if (defaultRoute === "none") {
    return (
      <Link href="/settings/providers" data-provider-route="none" className="rounded-md">
        <Badge variant="destructive" className="cursor-pointer">
          <KeyRound aria-hidden className="size-3" /> No {label} key configured: add one to generate
        </Badge>
      </Link>
    );
  }
  return null;
}
