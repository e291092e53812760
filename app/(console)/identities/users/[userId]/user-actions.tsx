"use client";

import { ConfirmAction } from "@/components/ui/confirm-action";

export function UserActions({ userId, logonName, enabled }: { userId: string; logonName: string; enabled: boolean }) {
  return (
    <>
      <ConfirmAction
        trigger={enabled ? "Disable Logon" : "Enable Logon"}
        description={
          enabled
            ? `${logonName} will be signed out everywhere, and the applications it signed in to lose their tokens.`
            : `${logonName} will be able to sign in again.`
        }
        confirmLabel="OK"
        request={{ url: `/api/v1/users/${userId}`, method: "PATCH", body: { enabled: !enabled } }}
        success={enabled ? `Logon disabled for ${logonName}.` : `Logon enabled for ${logonName}.`}
      />
      <ConfirmAction
        trigger="Delete User"
        triggerVariant="danger"
        description={`Delete ${logonName}? Its permissions, group memberships, console sessions and application tokens are removed. This cannot be undone.`}
        request={{ url: `/api/v1/users/${userId}`, method: "DELETE" }}
        success={`RAM user ${logonName} deleted.`}
        redirectTo="/identities/users"
      />
    </>
  );
}
