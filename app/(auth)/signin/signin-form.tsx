"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { missingSignInFields, type SignInField } from "@/lib/auth/sign-in-fields";
import type { Locale } from "@/lib/i18n/locales";

/**
 * A plain POST form to the sign-in endpoint: it works the same before hydration and without
 * JavaScript, and never puts the password in a URL. An empty field gets its own message: from the
 * server (`missing`, after a post without script), or here before posting when script runs. The
 * browser's own required-field bubble is off (noValidate), so both ways look the same. Its words
 * come from the `signIn` catalog of the page's language (rendered on the server first).
 */
export function SignInForm({
  callbackUrl,
  reauth,
  missing,
  lang,
}: {
  callbackUrl: string;
  reauth: boolean;
  missing: SignInField[];
  /** The language chosen with this page's switch, kept through a failed attempt and into the consent pages. */
  lang?: Locale;
}) {
  const t = useTranslations("signIn");
  const [pending, setPending] = useState(false);
  const [empty, setEmpty] = useState<SignInField[]>(missing);
  const message = (field: SignInField) => (empty.includes(field) ? t(`fields.${field}`) : undefined);
  const invalid = (field: SignInField) =>
    empty.includes(field) ? { "aria-invalid": true, "aria-describedby": `${field}-error` } : {};

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget);
    const now = missingSignInFields({ login: String(data.get("login")), password: String(data.get("password")) });
    setEmpty(now);
    if (now.length === 0) {
      setPending(true);
      return;
    }
    event.preventDefault();
    event.currentTarget.querySelector<HTMLInputElement>(`#${now[0]}`)?.focus();
  }

  return (
    <form method="post" action="/api/auth/sign-in" noValidate onSubmit={onSubmit}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {reauth ? <input type="hidden" name="prompt" value="login" /> : null}
      {lang ? <input type="hidden" name="lang" value={lang} /> : null}
      <Field label={t("login")} htmlFor="login" error={message("login")}>
        <Input
          id="login"
          name="login"
          autoComplete="username"
          required
          maxLength={256}
          autoFocus={missing[0] !== "password"}
          placeholder={t("loginPlaceholder")}
          {...invalid("login")}
        />
      </Field>
      <Field label={t("password")} htmlFor="password" error={message("password")}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={256}
          autoFocus={missing[0] === "password"}
          {...invalid("password")}
        />
      </Field>
      <Button type="submit" variant="primary" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
