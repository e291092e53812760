"use client";

import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/console/confirm-action";
import { apiFetch } from "@/lib/client/api-fetch";

/** Delete User Group, from the list's Actions column (link) or the group's own page (button). */
export function DeleteGroupButton({ groupId, name, inList = false }: { groupId: string; name: string; inList?: boolean }) {
  const router = useRouter();
  return (
    <ConfirmAction
      trigger={inList ? "Delete" : "Delete User Group"}
      triggerVariant={inList ? "link" : "danger"}
      title="Delete User Group"
      description={`Delete the user group ${name}? Its members leave it and lose the permissions granted to it. This can not be undone.`}
      confirmLabel="Delete User Group"
      onConfirm={async () => {
        const res = await apiFetch(`/api/v1/groups/${groupId}`, { method: "DELETE" });
        if (!res.ok) return res.message;
        if (!inList) router.push("/identities/groups");
        router.refresh();
        return null;
      }}
    />
  );
}
