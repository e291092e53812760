import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { catalogs } from "@/lib/i18n/messages";

/**
 * The consent screens render outside next-intl's request scope (lib/i18n/translator.ts): the
 * strings of the approvals namespace come from a translator made for the page's language. Times
 * are shown in UTC: the server does not know the viewer's zone, and the page runs no script.
 */
export function approvalsTranslator(locale: Locale = DEFAULT_LOCALE) {
  return createTranslator({ locale, messages: catalogs[locale], namespace: "approvals", timeZone: "UTC" });
}

export type ApprovalsT = ReturnType<typeof approvalsTranslator>;
