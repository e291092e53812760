import { getTranslations } from "next-intl/server";
import { scopeMessageKey } from "@/lib/apps/scope-catalog";

type Described = { scope: string; title: string; description: string };

/**
 * A scope's title and description in the viewer's language: one of our catalog's from
 * `scopeCatalog.<key>`, any other (what a provider declared) as written.
 */
export async function scopeTranslator() {
  const t = await getTranslations("scopeCatalog");
  return <S extends Described>(s: S): S => {
    const key = scopeMessageKey(s.scope);
    return key ? { ...s, title: t(`${key}.title`), description: t(`${key}.description`) } : s;
  };
}
