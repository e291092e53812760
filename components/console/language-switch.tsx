import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { cn } from "@/lib/cn";

/**
 * The language switch: a plain form (works without JavaScript) posting to /api/locale, which
 * remembers the choice in a cookie and comes back to `back`. Each language is named in itself.
 */
export function LanguageSwitch({
  locale,
  back,
  label,
  names,
  tone = "light",
}: {
  locale: Locale;
  back: string;
  label: string;
  names: Record<Locale, string>;
  tone?: "light" | "dark";
}) {
  return (
    <form method="post" action="/api/locale" className="flex shrink-0 items-center" aria-label={label}>
      <input type="hidden" name="back" value={back} />
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          className={cn(
            // 24 px at least: WCAG 2.2 target size (2.5.8), checked by axe.
            "inline-flex min-h-6 min-w-6 items-center rounded-sm px-1.5 text-xs",
            tone === "dark" ? "hover:bg-white/10" : "text-gray-700 hover:bg-gray-100",
            l === locale && (tone === "dark" ? "bg-white/15 font-semibold" : "bg-gray-100 font-semibold"),
          )}
        >
          {names[l]}
        </button>
      ))}
    </form>
  );
}
