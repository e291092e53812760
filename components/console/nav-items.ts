/** The console's places: the left navigation's sections and the breadcrumb trail's labels come from here. */
export const navSections: { title?: string; items: { href: string; label: string }[] }[] = [
  { items: [{ href: "/", label: "Overview" }] },
  {
    title: "Identities",
    items: [
      { href: "/identities/users", label: "Users" },
      { href: "/identities/groups", label: "User Groups" },
      { href: "/identities/roles", label: "Roles" },
    ],
  },
  { title: "Permissions", items: [{ href: "/permissions/policies", label: "Policies" }] },
  { title: "Integrations", items: [{ href: "/integrations/oauth", label: "OAuth (Preview)" }] },
  { title: "Governance", items: [{ href: "/governance/operation-logs", label: "Operation logs" }] },
];

/**
 * Each path's breadcrumb, as the RAM console names it. `link: false` for a section heading that
 * has no page of its own. A path not listed (an id) is the current page: the page's title.
 */
export const crumbs: Record<string, { label: string; link: boolean }> = {
  "/": { label: "RAM", link: true },
  "/identities": { label: "Identities", link: false },
  "/identities/users": { label: "Users", link: true },
  "/identities/groups": { label: "User Groups", link: true },
  "/identities/roles": { label: "Roles", link: true },
  "/permissions": { label: "Permissions", link: false },
  "/permissions/policies": { label: "Policies", link: true },
  "/integrations": { label: "Integrations", link: false },
  "/integrations/oauth": { label: "OAuth (Preview)", link: true },
  "/integrations/oauth/enterprise-apps": { label: "Enterprise Applications", link: true },
  "/integrations/oauth/enterprise-apps/new": { label: "Create Application", link: true },
  "/integrations/oauth/third-party-apps": { label: "Third-party Applications", link: true },
  "/governance": { label: "Governance", link: false },
  "/governance/operation-logs": { label: "Operation logs", link: true },
};

export const isActive = (href: string, pathname: string) =>
  href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
