import { signInWithSsoAction } from "./actions";

// A form rather than a link: Auth.js starts the OpenID Connect flow from a POST (it sets the PKCE, state and nonce
// cookies on the way out).
export function SsoButton({ name }: { name: string }) {
  return (
    <form action={signInWithSsoAction}>
      <button className="btn" type="submit" style={{ width: "100%", justifyContent: "center" }}>
        Continue with {name}
      </button>
    </form>
  );
}
