import { env } from "@/lib/env";

/**
 * Auth.js redirect callback: only our own pages, resolved against APP_URL. Auth.js's default resolves against the
 * request's URL, which Next reports with loopback hosts rewritten to "localhost" (NextURL), so a studio served at
 * http://127.0.0.1 would be sent to a host its cookies don't belong to.
 */
export function redirectToApp({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const app = new URL(env().APP_URL).origin;
  if (url.startsWith("/") && !url.startsWith("//")) return `${app}${url}`;
  const origin = URL.canParse(url) ? new URL(url).origin : null;
  return origin === app || origin === baseUrl ? url : app;
}
