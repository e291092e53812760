import { LOCALES } from "@/lib/i18n/locales";
import { switchTarget } from "@/lib/i18n/switch-target";
import type { ProtocolUi } from "./page-language";

/**
 * The protocol pages' language switch: one plain form per language (no script on these pages),
 * posting to /api/locale, which remembers the choice in the cookie and comes back to this page
 * with `?lang=` (the choice outranks the request's ui_locales here). Each language is named in itself.
 */
export function LanguageSwitch({ ui }: { ui: ProtocolUi }) {
  return (
    <div className="lang" role="group" aria-label={ui.t("common.language.label")}>
      {LOCALES.map((locale) => (
        <form key={locale} method="post" action="/api/locale">
          <input type="hidden" name="back" value={switchTarget(ui.here, locale)} />
          <button type="submit" name="locale" value={locale} lang={locale} aria-pressed={locale === ui.locale}>
            {ui.t(`common.language.${locale}`)}
          </button>
        </form>
      ))}
    </div>
  );
}
