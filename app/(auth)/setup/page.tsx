import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/console/language-switch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { MIN_OWNER_PASSWORD } from "@/lib/setup/first-owner-schema";
import { decodeSetupFormState, SETUP_FORM_COOKIE } from "@/lib/setup/setup-form-state";
import { isSetupOpen } from "@/lib/setup/setup-state";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("setup");
  return { title: t("title") };
}

/** A message the form's schema names by catalog key (`validation.…`), else its own words. */
const CATALOG_KEY = /^[a-z][A-Za-z]*(?:\.[A-Za-z][\w-]*)+$/;

/**
 * First run: on a database where nobody has an account yet, create the first account and its
 * owner. A plain HTML form (POST /api/setup), no JavaScript needed. Gone (404) for good afterwards.
 */
export default async function SetupPage() {
  // Rendered per request: whether setup is open is the database's answer now, never one baked in at build time.
  await connection();
  if (!(await isSetupOpen())) notFound();
  const [t, all, language, locale, jar, requested] = await Promise.all([
    getTranslations("setup"),
    getTranslations(),
    getTranslations("common.language"),
    getLocale(),
    cookies(),
    headers(),
  ]);
  const state = decodeSetupFormState(jar.get(SETUP_FORM_COOKIE)?.value);
  const errors = state?.errors ?? {};
  const words = (message: string) =>
    CATALOG_KEY.test(message) && all.has(message as never) ? all(message as never) : message;
  const invalid = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="mt-1 text-xs text-red-700">
        {words(errors[name])}
      </p>
    ) : null;
  const here = requested.get("x-pathname") ?? "";
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-gray-100 to-brand-50 px-4">
      <div className="w-full max-w-md rounded-sm bg-white p-8 shadow-md">
        <div className="-mt-4 mb-2 flex justify-end">
          <LanguageSwitch
            locale={locale}
            back={here.startsWith("/setup") ? here : "/setup"}
            label={language("label")}
            names={{ en: language("en"), "zh-CN": language("zh-CN") }}
          />
        </div>
        <div className="mb-4 flex items-center gap-2">
          <span aria-hidden className="inline-block h-6 w-6 rounded-sm bg-brand-500" />
          <h1 className="text-lg font-semibold">{t("heading")}</h1>
        </div>
        <p className="mb-4 text-[13px] text-gray-600">{t("intro")}</p>
        {Object.keys(errors).length ? (
          <Alert tone="error" className="mb-4">
            {t("checkFields")}
          </Alert>
        ) : null}
        <form method="post" action="/api/setup" noValidate>
          <Field label={t("email")} htmlFor="email" hint={t("emailHint")}>
            <Input
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              required
              defaultValue={state?.values.email}
              {...invalid("email")}
            />
            {error("email")}
          </Field>
          <Field label={t("alias")} htmlFor="alias" hint={t("aliasHint")}>
            <Input
              id="alias"
              name="alias"
              required
              defaultValue={state?.values.alias}
              placeholder={t("aliasPlaceholder")}
              {...invalid("alias")}
            />
            {error("alias")}
          </Field>
          <Field
            label={t("password")}
            htmlFor="password"
            hint={errors.password ? undefined : t("passwordHint", { min: MIN_OWNER_PASSWORD })}
          >
            <Input
              id="password"
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_OWNER_PASSWORD}
              {...invalid("password")}
            />
            {error("password")}
          </Field>
          <Field label={t("confirmPassword")} htmlFor="confirmPassword">
            <Input
              id="confirmPassword"
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              required
              {...invalid("confirmPassword")}
            />
            {error("confirmPassword")}
          </Field>
          <Button type="submit" variant="primary" className="w-full">
            {t("submit")}
          </Button>
        </form>
      </div>
    </main>
  );
}
