"use client";

import { ConfirmAction } from "@/components/ui/confirm-action";
import { DeleteImpact } from "./delete-impact";

/** Delete Application: revokes the application's authorization for the whole account; the dialog says what stops. */
export function DeleteAppButton({
  clientId,
  name,
  variant,
  afterDelete,
}: {
  clientId: string;
  name: string;
  variant: "link" | "danger";
  afterDelete?: string;
}) {
  return (
    <ConfirmAction
      trigger="Delete Application"
      triggerVariant={variant}
      description={
        <>
          <span className="mb-2 block">
            Delete <strong>{name}</strong> (ID {clientId}) from this account?
          </span>
          <span className="block">
            The application loses access to this account, and every RAM user&apos;s sessions with it end at once: its
            authorization codes, access tokens and refresh tokens stop working. To use it again, it must be authorized
            again.
          </span>
          <DeleteImpact clientId={clientId} />
        </>
      }
      request={{ url: `/api/v1/third-party-apps/${encodeURIComponent(clientId)}`, method: "DELETE" }}
      success={`Application ${name} deleted.`}
      redirectTo={afterDelete}
    />
  );
}
