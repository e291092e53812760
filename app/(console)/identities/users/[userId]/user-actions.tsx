"use client";

import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/console/confirm-action";
import { apiFetch } from "@/lib/client/api-fetch";

export function UserActions({ userId, logonName, enabled }: { userId: string; logonName: string; enabled: boolean }) {
  const router = useRouter();
  return (
    <>
      <ConfirmAction
        trigger={enabled ? "Disable Logon" : "Enable Logon"}
        title={enabled ? "Disable Logon" : "Enable Logon"}
        description={
          enabled
            ? `${logonName} will be signed out everywhere, and the applications it signed in to lose their tokens.`
            : `${logonName} will be able to sign in again.`
        }
        confirmLabel="OK"
        onConfirm={async () => {
          const res = await apiFetch(`/api/v1/users/${userId}`, { method: "PATCH", body: { enabled: !enabled } });
          if (!res.ok) return res.message;
          router.refresh();
          return null;
        }}
      />
      <ConfirmAction
        trigger="Delete User"
        triggerVariant="danger"
        title="Delete User"
        description={`Delete ${logonName}? Its permissions, group memberships, console sessions and application tokens are removed. This can not be undone.`}
        confirmLabel="Delete User"
        onConfirm={async () => {
          const res = await apiFetch(`/api/v1/users/${userId}`, { method: "DELETE" });
          if (!res.ok) return res.message;
          router.push("/identities/users");
          router.refresh();
          return null;
        }}
      />
    </>
  );
}
