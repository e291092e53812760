"use client";

import { usePathname } from "next/navigation";
import { isActive } from "./nav-items";
import { TabLinks } from "./tab-links";

const tabs = [
  { href: "/integrations/oauth/enterprise-apps", label: "Enterprise Applications" },
  { href: "/integrations/oauth/third-party-apps", label: "Third-party Applications" },
];

/** The tabs of Integrations > OAuth (Preview). */
export function OAuthTabs() {
  const pathname = usePathname();
  return <TabLinks label="OAuth applications" tabs={tabs.map((t) => ({ ...t, active: isActive(t.href, pathname) }))} />;
}
