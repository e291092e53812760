"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { isActive, type NavLabel } from "./nav-items";
import { TabLinks } from "./tab-links";

const tabs: { href: string; label: NavLabel }[] = [
  { href: "/integrations/oauth/enterprise-apps", label: "enterpriseApps" },
  { href: "/integrations/oauth/third-party-apps", label: "thirdPartyApps" },
];

/** The tabs of Integrations > OAuth (Preview). */
export function OAuthTabs() {
  const pathname = usePathname();
  const t = useTranslations("console");
  return (
    <TabLinks
      label={t("oauthTabs.label")}
      tabs={tabs.map((tab) => ({
        href: tab.href,
        label: t(`nav.${tab.label}`),
        active: isActive(tab.href, pathname),
      }))}
    />
  );
}
