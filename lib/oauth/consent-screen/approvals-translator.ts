import { createTranslator } from "next-intl";
import { catalogs } from "@/lib/i18n/messages";

export type ConsentLocale = keyof typeof catalogs;

/**
 * The consent screens render outside next-intl's request scope: their strings of the approvals
 * namespace come from a translator made for the page's language. Times are shown in UTC (the
 * server does not know the viewer's zone, and the page runs no script to switch).
 */
export function approvalsTranslator(locale: ConsentLocale = "en") {
  return createTranslator({ locale, messages: catalogs[locale], namespace: "approvals", timeZone: "UTC" });
}

export type ApprovalsT = ReturnType<typeof approvalsTranslator>;
