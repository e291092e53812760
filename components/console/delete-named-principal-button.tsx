"use client";

import { useRouter } from "next/navigation";
import { ConfirmAction } from "./confirm-action";
import { apiFetch } from "@/lib/client/api-fetch";
import { namedPrincipalKinds, type NamedPrincipalKindKey } from "./named-principal-kinds";

/** Delete User Group / Delete Role, from the list's Actions column (link) or the item's own page (button). */
export function DeleteNamedPrincipalButton({ kind, id, name, inList = false }: { kind: NamedPrincipalKindKey; id: string; name: string; inList?: boolean }) {
  const { noun, apiPath, pagePath, deleteWarning } = namedPrincipalKinds[kind];
  const router = useRouter();
  return (
    <ConfirmAction
      trigger={inList ? "Delete" : `Delete ${noun}`}
      triggerVariant={inList ? "link" : "danger"}
      title={`Delete ${noun}`}
      description={deleteWarning(name)}
      confirmLabel={`Delete ${noun}`}
      onConfirm={async () => {
        const res = await apiFetch(`${apiPath}/${id}`, { method: "DELETE" });
        if (!res.ok) return res.message;
        if (!inList) router.push(pagePath);
        router.refresh();
        return null;
      }}
    />
  );
}
