import { StatusPage } from "@/app/_components/status-page";

// Missing, revoked and expired links read the same, and carry no studio brand or way into the studio.
export default function ShareNotFound() {
  return (
    <main className="flex min-h-dvh flex-col">
      <StatusPage code="404" title="This link isn't available" description="It doesn't exist or is no longer shared. Ask whoever sent it for a new one." />
    </main>
  );
}
