import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A separate output folder lets several builds (parallel work, CI) share one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships a WASM build and pg has optional native bindings: load both from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
    ];
  },
};

export default nextConfig;
