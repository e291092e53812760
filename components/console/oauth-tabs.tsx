"use client";

import { usePathname } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { isActive, type NavLabel } from "./nav-items";
import { TabLinks } from "./tab-links";

const tabs: { href: string; label: NavLabel }[] = [
  { href: "/integrations/oauth/enterprise-apps", label: "enterpriseApps" },
  { href: "/integrations/oauth/third-party-apps", label: "thirdPartyApps" },
];

/**
 * The tabs of Integrations > OAuth (Preview). `pendingRequests`: how many requests for approval
 * wait (issue 16, item 2), shown as a count on the Third-party Applications tab.
 */
export function OAuthTabs({ pendingRequests = 0 }: { pendingRequests?: number }) {
  const pathname = usePathname();
  const t = useTranslations("console");
  const approvals = useTranslations("approvals.tab");
  const format = useFormatter();
  return (
    <TabLinks
      label={t("oauthTabs.label")}
      tabs={tabs.map((tab) => ({
        href: tab.href,
        label: t(`nav.${tab.label}`),
        active: isActive(tab.href, pathname),
        badge:
          tab.label === "thirdPartyApps" && pendingRequests > 0 ? (
            <PendingCount
              count={format.number(pendingRequests)}
              label={approvals("pending", { count: pendingRequests })}
            />
          ) : undefined,
      }))}
    />
  );
}

/** The count on a tab, named in full for screen readers ("3 requests for approval wait"). */
function PendingCount({ count, label }: { count: string; label: string }) {
  return (
    <span className="ml-1.5 inline-block min-w-5 rounded-full bg-brand-700 px-1.5 text-center text-xs leading-5 font-medium text-white tabular-nums">
      <span aria-hidden>{count}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
