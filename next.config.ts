import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads its request configuration (language, catalogs) from this file.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // A separate output folder lets several builds (parallel work, CI) share one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships a WASM build and pg has optional native bindings: load both from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  experimental: {
    // proxy.ts runs for pages only (its matcher leaves out /api and /oauth2, whose handlers read
    // their bodies against their own limits, lib/http/body-limit.ts). Next.js clones the body of
    // every request the proxy sees, by default up to 10 MB: pages take no large bodies, so keep at
    // most 64 KiB of one in memory. The console has no server actions; refuse big ones all the same.
    proxyClientMaxBodySize: 64 * 1024,
    serverActions: { bodySizeLimit: "64kb" },
  },
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

export default withNextIntl(nextConfig);
