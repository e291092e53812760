import type { Messages } from "@/lib/i18n/messages";

/** A word of the navigation, the breadcrumbs and the OAuth tabs: a key of `console.nav`. */
export type NavLabel = Exclude<keyof Messages["console"]["nav"], "label">;

/** The console's places: the left navigation's sections and the breadcrumb trail's labels come from here. */
export const navSections: { title?: NavLabel; items: { href: string; label: NavLabel }[] }[] = [
  { items: [{ href: "/", label: "overview" }] },
  {
    title: "identities",
    items: [
      { href: "/identities/users", label: "users" },
      { href: "/identities/groups", label: "groups" },
      { href: "/identities/roles", label: "roles" },
    ],
  },
  { title: "permissions", items: [{ href: "/permissions/policies", label: "policies" }] },
  { title: "integrations", items: [{ href: "/integrations/oauth", label: "oauth" }] },
];

/**
 * Each path's breadcrumb, as the RAM console names it. `link: false` for a section heading that
 * has no page of its own. A path not listed (an id) is the current page: the page's title.
 */
export const crumbs: Record<string, { label: NavLabel; link: boolean }> = {
  "/": { label: "root", link: true },
  "/identities": { label: "identities", link: false },
  "/identities/users": { label: "users", link: true },
  "/identities/groups": { label: "groups", link: true },
  "/identities/roles": { label: "roles", link: true },
  "/permissions": { label: "permissions", link: false },
  "/permissions/policies": { label: "policies", link: true },
  "/integrations": { label: "integrations", link: false },
  "/integrations/oauth": { label: "oauth", link: true },
  "/integrations/oauth/enterprise-apps": { label: "enterpriseApps", link: true },
  "/integrations/oauth/enterprise-apps/new": { label: "createApplication", link: true },
  "/integrations/oauth/third-party-apps": { label: "thirdPartyApps", link: true },
};

export const isActive = (href: string, pathname: string) =>
  href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
