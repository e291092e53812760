"use client";

import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "./form-helpers";

export type ApplicationDefaults = {
  name: string;
  description: string;
  logoUrl: string;
  homepageUrl: string;
  redirectUris: string[];
  accessTokenValidity: number;
  refreshTokenValidity: number;
  thirdParty: boolean;
};

/** Example addresses for the placeholders: the same in every language. */
const EXAMPLE = {
  redirectUri: "https://app.example.com/oauth/callback",
  homepage: "https://app.example.com/",
  logo: "https://app.example.com/logo.png",
};

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="-mt-3 mb-4 text-xs text-red-600">
      {message}
    </p>
  ) : null;
}

/** The editable fields of an application (everything but the type and the scopes). */
export function ApplicationFields({
  idPrefix,
  type,
  defaults,
  errors,
}: {
  idPrefix: string;
  type: string;
  defaults: ApplicationDefaults;
  errors: FieldErrors;
}) {
  const t = useTranslations("enterpriseApps.fields");
  const id = (name: string) => `${idPrefix}-${name}`;
  const invalid = (name: string) =>
    errors[name] ? { "aria-invalid": true, "aria-describedby": id(`${name}-error`) } : {};
  /** One labelled input of a two-column row, with its error under it. */
  const cell = (name: string, label: string, hint: string | undefined, props: React.ComponentProps<typeof Input>) => (
    <div>
      <Field label={label} htmlFor={id(name)} hint={hint}>
        <Input id={id(name)} name={name} {...props} {...invalid(name)} />
      </Field>
      <FieldError id={id(`${name}-error`)} message={errors[name]} />
    </div>
  );
  const redirectHint = t(
    type === "NativeApp"
      ? "redirectHint.NativeApp"
      : type === "ServerApp"
        ? "redirectHint.ServerApp"
        : "redirectHint.WebApp",
  );
  return (
    <>
      <Field label={t("name")} htmlFor={id("name")}>
        <Input
          id={id("name")}
          name="name"
          required
          maxLength={64}
          defaultValue={defaults.name}
          autoComplete="off"
          {...invalid("name")}
        />
      </Field>
      <FieldError id={id("name-error")} message={errors.name} />
      <Field label={t("description")} htmlFor={id("description")} hint={t("descriptionHint")}>
        <Textarea
          id={id("description")}
          name="description"
          maxLength={256}
          rows={2}
          defaultValue={defaults.description}
          {...invalid("description")}
        />
      </Field>
      <FieldError id={id("description-error")} message={errors.description} />
      <Field label={t("redirectUris")} htmlFor={id("redirectUris")} hint={redirectHint}>
        <Textarea
          id={id("redirectUris")}
          name="redirectUris"
          rows={3}
          className="font-mono text-xs"
          defaultValue={defaults.redirectUris.join("\n")}
          placeholder={EXAMPLE.redirectUri}
          spellCheck={false}
          {...invalid("redirectUris")}
        />
      </Field>
      <FieldError id={id("redirectUris-error")} message={errors.redirectUris} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        {cell("accessTokenValidity", t("accessToken"), t("accessTokenHint"), {
          type: "number",
          min: 900,
          max: 10800,
          step: 1,
          defaultValue: defaults.accessTokenValidity,
        })}
        {cell("refreshTokenValidity", t("refreshToken"), t("refreshTokenHint"), {
          type: "number",
          min: 7200,
          max: 31536000,
          step: 1,
          defaultValue: defaults.refreshTokenValidity,
        })}
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        {cell("homepageUrl", t("homepage"), undefined, {
          type: "url",
          maxLength: 2000,
          defaultValue: defaults.homepageUrl,
          placeholder: EXAMPLE.homepage,
        })}
        {cell("logoUrl", t("logo"), t("logoHint"), {
          type: "url",
          maxLength: 2000,
          defaultValue: defaults.logoUrl,
          placeholder: EXAMPLE.logo,
        })}
      </div>
      {/* Radix puts a hidden input named thirdParty ("on" when checked) beside the button, so FormData reads it as before. */}
      <div className="mb-4 flex items-start gap-2">
        <Checkbox
          id={id("thirdParty")}
          name="thirdParty"
          defaultChecked={defaults.thirdParty}
          aria-describedby={id("thirdParty-hint")}
          className="mt-0.5"
        />
        <label htmlFor={id("thirdParty")} className="cursor-pointer">
          <span className="block font-medium">{t("thirdParty")}</span>
          <span id={id("thirdParty-hint")} className="text-gray-600">
            {t("thirdPartyHint")}
          </span>
        </label>
      </div>
    </>
  );
}
