import type { Locale } from "@/lib/i18n/locales";
import { LANG_PARAM } from "@/lib/i18n/switch-target";

/**
 * The sign-in page for a form's context: `params` first (the error or missing fields of the last
 * attempt), then the callback (already checked by safeCallbackUrl), re-authentication and the
 * language chosen with the page's switch.
 */
export function signInPath(
  form: { callbackUrl: string; reauth: boolean; lang?: Locale },
  params: Record<string, string> = {},
): string {
  const query = new URLSearchParams({ ...params, callbackUrl: form.callbackUrl });
  if (form.reauth) query.set("prompt", "login");
  if (form.lang) query.set(LANG_PARAM, form.lang);
  return `/signin?${query}`;
}
