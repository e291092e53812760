"use client";

import { ConfirmAction } from "@/components/ui/confirm-action";
import { namedPrincipalKinds, type NamedPrincipalKindKey } from "./named-principal-kinds";

/** Delete User Group / Delete Role, from the list's Actions column (link) or the item's own page (button). */
export function DeleteNamedPrincipalButton({
  kind,
  id,
  name,
  inList = false,
}: {
  kind: NamedPrincipalKindKey;
  id: string;
  name: string;
  inList?: boolean;
}) {
  const { noun, apiPath, pagePath, deleteWarning } = namedPrincipalKinds[kind];
  return (
    <ConfirmAction
      trigger={inList ? "Delete" : `Delete ${noun}`}
      triggerVariant={inList ? "link" : "danger"}
      title={`Delete ${noun}`}
      description={deleteWarning(name)}
      request={{ url: `${apiPath}/${id}`, method: "DELETE" }}
      success={`${noun} ${name} deleted.`}
      redirectTo={inList ? undefined : pagePath}
    />
  );
}
