"use client";

import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/console/confirm-action";
import { apiFetch } from "@/lib/client/api-fetch";

/** Delete Role, from the list's Actions column (link) or the role's own page (button). */
export function DeleteRoleButton({ roleId, name, inList = false }: { roleId: string; name: string; inList?: boolean }) {
  const router = useRouter();
  return (
    <ConfirmAction
      trigger={inList ? "Delete" : "Delete Role"}
      triggerVariant={inList ? "link" : "danger"}
      title="Delete Role"
      description={`Delete the RAM role ${name}? Everybody acting as ${name} is switched back to their own identity, and the application tokens issued to those role sessions stop working. This can not be undone.`}
      confirmLabel="Delete Role"
      onConfirm={async () => {
        const res = await apiFetch(`/api/v1/roles/${roleId}`, { method: "DELETE" });
        if (!res.ok) return res.message;
        if (!inList) router.push("/identities/roles");
        router.refresh();
        return null;
      }}
    />
  );
}
