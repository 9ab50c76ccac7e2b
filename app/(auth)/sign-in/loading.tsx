import { AuthShell } from "@/app/_components/auth-shell";
import { Skeleton } from "@/app/_components/ui/skeleton";

export default function SignInLoading() {
  return (
    <AuthShell>
      <div aria-busy="true" aria-label="Loading" className="grid gap-3"><Skeleton className="h-7 w-24" /><Skeleton className="h-9" /><Skeleton className="h-9" /><Skeleton className="h-9" /></div>
    </AuthShell>
  );
}
