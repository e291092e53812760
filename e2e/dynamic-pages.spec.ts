import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * Pages that read the database or the session are rendered per request. A page Next.js prerenders
 * at build time answers every visitor with what the build saw: /setup was a cached 404 even on an
 * empty database (`x-nextjs-prerender: 1`, `s-maxage=31536000`).
 */
const DYNAMIC_PAGES = [
  "/setup",
  "/signin",
  "/",
  "/identities/users",
  "/identities/groups",
  "/identities/roles",
  "/permissions/policies",
  "/integrations/oauth",
  "/integrations/oauth/third-party-apps",
  "/integrations/oauth/enterprise-apps",
  "/integrations/oauth/enterprise-apps/new",
];

test("the build prerenders none of the pages that read the database or the session", () => {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8")) as {
    routes: Record<string, unknown>;
  };
  const prerendered = Object.keys(manifest.routes);
  expect(prerendered.filter((route) => DYNAMIC_PAGES.includes(route))).toEqual([]);
});

test("GET /setup is answered at request time, not from a prerendered page", async ({ request }) => {
  // The e2e database has the demo accounts: setup is closed, and says so now.
  const res = await request.get("/setup", { maxRedirects: 0 });
  expect(res.status()).toBe(404);
  expect(res.headers()["x-nextjs-prerender"]).toBeUndefined();
  expect(res.headers()["cache-control"] ?? "").not.toContain("s-maxage");
});
