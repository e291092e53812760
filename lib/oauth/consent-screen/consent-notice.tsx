import { Notice } from "./document";
import type { ProtocolUi } from "./page-language";

/** A scope for a cloud service's API (the seed: "permissions for specific cloud services"). */
const isCloudServiceScope = (scope: string) => scope.startsWith("/acs/");

/**
 * What granting means, in the seed's words: the application can access the identity (and, only
 * when that scope is asked for, the permission information); when the scope includes a cloud
 * service, the application uses the person's identity to access Alibaba Cloud resources.
 */
export function ConsentNotice({
  ui: { t },
  kind,
  scopes,
  accountAlias,
}: {
  ui: ProtocolUi;
  kind: "install" | "personal";
  /** Every scope on the screen: required and optional. */
  scopes: string[];
  accountAlias: string;
}) {
  const what = scopes.includes("permissions") ? "permissions" : "identity";
  const cloud = scopes.some(isCloudServiceScope);
  return (
    <Notice>
      <p>
        {kind === "install"
          ? t("consent.notice.install", { account: accountAlias, what })
          : t("consent.notice.personal", { account: accountAlias, what })}
      </p>
      {cloud ? (
        <p>{kind === "install" ? t("consent.notice.cloudInstall") : t("consent.notice.cloudPersonal")}</p>
      ) : null}
    </Notice>
  );
}
