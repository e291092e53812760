"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { RadioCards } from "@/components/console/radio-cards";
import { useMutation } from "@/components/ui/use-mutation";
import { ApplicationFields } from "./application-fields";
import { applicationBody, fieldErrorsOf, type FieldErrors } from "./form-helpers";
import { OAuthVersionField } from "./oauth-version-field";
import { chosenScopes, ScopePicker, type ScopeChoice, type ScopeOption } from "./scope-picker";
import { SecretDialog } from "./secret-dialog";

const TYPES = ["WebApp", "NativeApp", "ServerApp"] as const;

const section = "mb-5 rounded-sm border border-gray-200 bg-white p-5";
const LIST = "/integrations/oauth/enterprise-apps";

export function CreateApplicationForm({ catalog }: { catalog: ScopeOption[] }) {
  const t = useTranslations("enterpriseApps.create");
  const types = TYPES.map((value) => ({ value, label: value, description: t(`types.${value}`) }));
  const [type, setType] = useState("WebApp");
  const [scopes, setScopes] = useState<ScopeChoice>({ profile: { selected: true, required: true } });
  const [errors, setErrors] = useState<FieldErrors>({});
  const { run, pending, error: message, setError: setMessage, router } = useMutation();
  const [created, setCreated] = useState<{ clientId: string; secret: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    const form = new FormData(event.currentTarget);
    const body = {
      ...applicationBody(form),
      type,
      oauthVersion: String(form.get("oauthVersion") ?? "2.0"),
      scopes: [
        { scope: "openid", required: true },
        ...chosenScopes(
          catalog.filter((o) => o.scope !== "openid"),
          scopes,
        ),
      ],
    };
    const res = await run<{ client_id: string; client_secret?: string }>(
      { url: "/api/v1/apps", method: "POST", body },
      { success: t("success", { name: body.name }) },
    );
    if (!res.ok) {
      setErrors(fieldErrorsOf(res.data));
      if (res.status === 422) setMessage(t("checkFields"));
      window.scrollTo({ top: 0 });
      return;
    }
    if (res.data.client_secret) setCreated({ clientId: res.data.client_id, secret: res.data.client_secret });
    else router.push(`${LIST}/${res.data.client_id}`);
  }

  return (
    // method="post": a click before hydration must not put what was typed into a URL.
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-3xl">
      {message ? (
        <Alert tone="error" className="mb-4">
          {message}
        </Alert>
      ) : null}
      <section className={section} aria-labelledby="basic-title">
        <h2 id="basic-title" className="mb-4 font-semibold">
          {t("basic")}
        </h2>
        <div className="mb-4">
          <RadioCards
            id="application-type"
            legend={t("typeLegend")}
            value={type}
            onValueChange={setType}
            options={types}
            className="sm:grid-cols-3"
          />
          {errors.type ? <p className="mt-1 text-xs text-red-600">{errors.type}</p> : null}
        </div>
        <OAuthVersionField error={errors.oauthVersion} />
        <ApplicationFields
          idPrefix="create"
          type={type}
          errors={errors}
          defaults={{
            name: "",
            description: "",
            logoUrl: "",
            homepageUrl: "",
            redirectUris: [],
            accessTokenValidity: 3600,
            refreshTokenValidity: 7776000,
            thirdParty: false,
          }}
        />
      </section>
      <section className={section} aria-labelledby="scope-title">
        <h2 id="scope-title" className="mb-1 font-semibold">
          {t("scopeTitle")}
        </h2>
        <p className="mb-3 text-gray-600">{t("scopeHint")}</p>
        {errors.scopes ? (
          <Alert tone="error" className="mb-3">
            {errors.scopes}
          </Alert>
        ) : null}
        <ScopePicker options={catalog} value={scopes} onChange={setScopes} locked={["openid"]} />
      </section>
      <div className="flex gap-2">
        <Button type="submit" needsScript variant="primary" disabled={pending}>
          {pending ? t("creating") : t("ok")}
        </Button>
        <Link href={LIST} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
      <SecretDialog
        title={t("createdTitle")}
        clientId={created?.clientId ?? ""}
        secret={created?.secret ?? null}
        onClose={() => {
          const id = created?.clientId;
          setCreated(null);
          if (id) router.push(`${LIST}/${id}`);
        }}
      />
    </form>
  );
}
