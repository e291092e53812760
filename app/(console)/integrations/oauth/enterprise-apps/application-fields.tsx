"use client";

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
  const redirectHint =
    type === "NativeApp"
      ? "One per line, at most 10. https, http on 127.0.0.1, [::1] or localhost, or a private-use scheme such as com.example.app:/callback."
      : type === "ServerApp"
        ? "Optional for a ServerApp. One per line, at most 10. https, or http only on 127.0.0.1, [::1] or localhost."
        : "One per line, at most 10. https, or http only on 127.0.0.1, [::1] or localhost. Matched exactly.";
  return (
    <>
      <Field label="Display name" htmlFor={id("name")}>
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
      <Field
        label="Description"
        htmlFor={id("description")}
        hint="Shown to people on the consent screen. At most 256 characters."
      >
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
      <Field label="Redirect URIs" htmlFor={id("redirectUris")} hint={redirectHint}>
        <Textarea
          id={id("redirectUris")}
          name="redirectUris"
          rows={3}
          className="font-mono text-xs"
          defaultValue={defaults.redirectUris.join("\n")}
          placeholder="https://app.example.com/oauth/callback"
          spellCheck={false}
          {...invalid("redirectUris")}
        />
      </Field>
      <FieldError id={id("redirectUris-error")} message={errors.redirectUris} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        {cell("accessTokenValidity", "Access token validity (seconds)", "900 to 10800. Default 3600 (1 hour).", {
          type: "number",
          min: 900,
          max: 10800,
          step: 1,
          defaultValue: defaults.accessTokenValidity,
        })}
        {cell(
          "refreshTokenValidity",
          "Refresh token validity (seconds)",
          "7200 to 31536000. Default 7776000 (90 days).",
          { type: "number", min: 7200, max: 31536000, step: 1, defaultValue: defaults.refreshTokenValidity },
        )}
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        {cell("homepageUrl", "Homepage URL", undefined, {
          type: "url",
          maxLength: 2000,
          defaultValue: defaults.homepageUrl,
          placeholder: "https://app.example.com/",
        })}
        {cell("logoUrl", "Logo URL", "https, or leave empty.", {
          type: "url",
          maxLength: 2000,
          defaultValue: defaults.logoUrl,
          placeholder: "https://app.example.com/logo.png",
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
          <span className="block font-medium">Third-party application</span>
          <span id={id("thirdParty-hint")} className="text-gray-600">
            Other Alibaba Cloud accounts may install this application after an administrator grants it.
          </span>
        </label>
      </div>
    </>
  );
}
