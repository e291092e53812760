import { useTranslations } from "next-intl";

const versions = [
  { value: "2.0", key: "v20" },
  { value: "2.1", key: "v21" },
] as const;

/** Create Application's "OAuth Protocol Version" (as in the RAM console); read from the form as `oauthVersion`. */
export function OAuthVersionField({ error }: { error?: string }) {
  const t = useTranslations("enterpriseApps.oauthVersion");
  return (
    <fieldset className="mb-4">
      <legend className="mb-1 text-gray-700">{t("legend")}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {versions.map((v) => (
          <label key={v.value} className="flex cursor-pointer items-start gap-2 rounded-sm border border-gray-200 p-2">
            <input
              type="radio"
              name="oauthVersion"
              value={v.value}
              defaultChecked={v.value === "2.0"}
              aria-describedby={`oauth-version-${v.value}`}
              className="mt-1"
            />
            <span>
              <span className="block font-medium">OAuth {v.value}</span>
              <span id={`oauth-version-${v.value}`} className="text-xs text-gray-600">
                {t(v.key)}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error ? <p className="mt-1 text-xs text-red-600">{error}</p> : null}
    </fieldset>
  );
}
