import { Button } from "@/app/_components/ui/button";
import { signInWithSsoAction } from "./actions";

// A form rather than a link: Auth.js starts the OpenID Connect flow from a POST (it sets the PKCE, state and nonce
// cookies on the way out).
export function SsoButton({ name }: { name: string }) {
  return (
    <form action={signInWithSsoAction}>
      <Button type="submit" variant="outline" className="w-full">Continue with {name}</Button>
    </form>
  );
}
