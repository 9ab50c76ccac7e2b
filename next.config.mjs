// Security headers on every response. In production they are fixed at `next build` (Next stores them in the routes
// manifest), so the origins read from the environment here must be set when building.
const dev = process.env.NODE_ENV !== "production";
const https = (process.env.APP_URL ?? "").startsWith("https://");

// Presigned image URLs point at the S3 endpoint, or at a bucket subdomain of it for virtual-hosted-style stores
// (AWS, R2); with no endpoint configured the store is AWS.
function storageSources() {
  const endpoint = process.env.S3_ENDPOINT;
  if (!endpoint) return ["https://*.amazonaws.com"];
  const url = new URL(endpoint);
  const pathStyle = !["false", "0"].includes(process.env.S3_FORCE_PATH_STYLE ?? "true");
  return pathStyle ? [url.origin] : [url.origin, `${url.protocol}//*.${url.host}`];
}

// Without JavaScript the SSO form posts natively and is redirected to the identity provider; form-action governs
// that redirect too.
function formTargets() {
  const issuer = process.env.AUTH_OIDC_ISSUER;
  return issuer ? [new URL(issuer).origin] : [];
}

// Next inlines its bootstrap scripts without nonces, so script-src needs 'unsafe-inline' (a nonce-based policy
// would need a proxy and make every page dynamic); dev's React refresh also needs 'unsafe-eval'.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${storageSources().join(" ")}`,
  `media-src 'self' blob: ${storageSources().join(" ")}`,
  `connect-src 'self' ${storageSources().join(" ")}`,
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  ["form-action 'self'", ...formTargets()].join(" "),
  "frame-ancestors 'none'",
  ...(https ? ["upgrade-insecure-requests"] : []),
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Only over https: a browser that saw it on http://localhost would refuse plain http there for a year.
  ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=31536000" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or heavyweight server packages are loaded by Node at run time rather than bundled.
  serverExternalPackages: ["@node-rs/argon2", "sharp", "pg-boss", "pg", "@prisma/adapter-pg", "prom-client"],
  poweredByHeader: false,
  // The test suite and benchmarks reach the dev server as 127.0.0.1; Next would otherwise block its dev assets.
  allowedDevOrigins: ["127.0.0.1"],
  // `npm test` runs tsc over the whole repo (app, lib, scripts, tests) before anything else; repeating a narrower
  // check inside every build only slows builds down.
  typescript: { ignoreBuildErrors: true },
  // The integration tests run their own dev server beside yours; a separate folder keeps them from colliding.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // authInterrupts: forbidden() and its styled app/(studio)/forbidden.tsx page (a role that may not open a page, as
  // opposed to a 404). inlineCss: the stylesheet (62 KB, ~12 KB gzipped) comes inside the HTML instead of as a
  // render-blocking request queued behind the page's render on the same Node process; the gallery bench painted
  // ~45 ms sooner after the first byte (BENCHMARKS.md, session 9). It costs returning visitors the CSS cache.
  experimental: { authInterrupts: true, inlineCss: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
