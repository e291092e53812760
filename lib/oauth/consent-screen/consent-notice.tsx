import { Notice } from "./document";

/** A scope for a cloud service's API (the seed: "permissions for specific cloud services"). */
const isCloudServiceScope = (scope: string) => scope.startsWith("/acs/");

/**
 * What granting means, in the seed's words: the application can access the identity (and, only
 * when that scope is asked for, the permission information); when the scope includes a cloud
 * service, the application uses the person's identity to access Alibaba Cloud resources.
 */
export function ConsentNotice({
  kind,
  scopes,
  accountAlias,
}: {
  kind: "install" | "personal";
  /** Every scope on the screen: required and optional. */
  scopes: string[];
  accountAlias: string;
}) {
  const what = scopes.includes("permissions") ? "identity and permission information" : "identity";
  const cloud = scopes.some(isCloudServiceScope);
  return (
    <Notice>
      {kind === "install" ? (
        <p>
          After you grant, the application is installed for the account {accountAlias}: every RAM user of this account
          can use it without authorizing it again. It can access the {what} of the people who use it.
        </p>
      ) : (
        <p>
          Your administrator provisioned this official application for the account {accountAlias}. After you grant, it
          can access your {what}; you will not be asked again for the scope you decide on here.
        </p>
      )}
      {cloud ? (
        <p>
          The authorization scope includes permissions for cloud services:{" "}
          {kind === "install"
            ? "the application uses the identity of each person who uses it to access Alibaba Cloud resources, within that person's own permissions."
            : "the application uses your identity to access Alibaba Cloud resources, within your own permissions."}
        </p>
      ) : null}
    </Notice>
  );
}
