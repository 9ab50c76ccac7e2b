// Security headers apply to every response; CSP is tightened further in the teams & access work.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or heavyweight server packages are loaded by Node at run time rather than bundled.
  serverExternalPackages: ["@node-rs/argon2", "sharp", "pg-boss", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // The integration tests run their own dev server beside yours; a separate folder keeps them from colliding.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
