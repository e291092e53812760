import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/console/language-switch";
import { Alert } from "@/components/ui/alert";
import { getCurrentPrincipal } from "@/lib/auth/current";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { parseMissingSignInFields } from "@/lib/auth/sign-in-fields";
import { signInPath } from "@/lib/auth/sign-in-path";
import { getEnv } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { LANG_PARAM, switchTarget } from "@/lib/i18n/switch-target";
import { isSetupOpen } from "@/lib/setup/setup-state";
import { SignInForm } from "./signin-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

/** The errors the sign-in endpoint sends back (`?error=`), each with its message in the catalog. */
const ERRORS = ["CredentialsSignin", "TooManyRequests", "Unavailable"] as const;
type SignInError = (typeof ERRORS)[number];
const isSignInError = (value: string | undefined): value is SignInError => ERRORS.includes(value as SignInError);

type Params = Record<string, string | string[] | undefined>;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const one = (name: string) => (typeof params[name] === "string" ? params[name] : undefined);
  const callbackUrl = safeCallbackUrl(one("callbackUrl"), getEnv().issuer);
  const reauth = one("prompt") === "login";
  // The switch's choice on this page (lib/i18n/page-locale.ts), which the form and the redirects carry on.
  const chosen = one(LANG_PARAM);
  const lang = isLocale(chosen) ? chosen : undefined;
  // An old form (or a crafted link) put credentials in the URL: never use them, drop them from the address bar.
  if ("password" in params || "login" in params) redirect(signInPath({ callbackUrl, reauth, lang }));
  // OIDC prompt=login / max_age: a signed-in person signs in again, for a fresh session.
  if (!reauth && (await getCurrentPrincipal())) redirect(switchTarget(callbackUrl, lang));
  // A production database nobody has an account in yet: the first-run page creates the first one.
  // (If the database is unreachable the form still shows; signing in then answers 503.)
  if (await isSetupOpen().catch(() => false)) redirect("/setup");
  const [t, language, locale, requested] = await Promise.all([
    getTranslations("signIn"),
    getTranslations("common.language"),
    getLocale(),
    headers(),
  ]);
  const error = one("error");
  // The language switch comes back to this very page (its message included), else to the form with its callback.
  const here = requested.get("x-pathname") ?? "";
  const back = here.startsWith("/signin") ? here : signInPath({ callbackUrl, reauth, lang });
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-gray-100 to-brand-50 px-4">
      <div className="w-full max-w-sm rounded-sm bg-white p-8 shadow-md">
        <div className="-mt-4 mb-2 flex justify-end">
          <LanguageSwitch
            locale={locale}
            back={back}
            label={language("label")}
            names={{ en: language("en"), "zh-CN": language("zh-CN") }}
          />
        </div>
        <div className="mb-6 flex items-center gap-2">
          <span aria-hidden className="inline-block h-6 w-6 shrink-0 rounded-sm bg-brand-500" />
          <h1 className="text-lg font-semibold">{t("heading")}</h1>
        </div>
        {params.setup === "done" ? (
          <Alert tone="success" className="mb-4">
            {t("setupDone")}
          </Alert>
        ) : null}
        {reauth ? <p className="mb-4 text-sm text-gray-700">{t("reauthenticate")}</p> : null}
        {isSignInError(error) ? (
          <Alert tone="error" className="mb-4">
            {t(`errors.${error}`)}
          </Alert>
        ) : null}
        <SignInForm
          callbackUrl={callbackUrl}
          reauth={reauth}
          missing={parseMissingSignInFields(one("missing"))}
          lang={lang}
        />
        <p className="mt-6 text-xs text-gray-500">{t.rich("hint", { code: (chunks) => <code>{chunks}</code> })}</p>
      </div>
    </main>
  );
}
