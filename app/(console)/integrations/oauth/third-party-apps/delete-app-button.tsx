"use client";

import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/console/confirm-action";
import { apiFetch } from "@/lib/client/api-fetch";

/** Delete Application: revokes the application's authorization for the whole account. */
export function DeleteAppButton({ appId, name, variant, afterDelete }: { appId: string; name: string; variant: "link" | "danger"; afterDelete?: string }) {
  const router = useRouter();
  return (
    <ConfirmAction
      trigger="Delete Application"
      triggerVariant={variant}
      title="Delete Application"
      description={
        <>
          <span className="mb-2 block">
            Delete <strong>{name}</strong> (ID {appId}) from this account?
          </span>
          <span className="block">
            The application loses access to this account, and every RAM user&apos;s sessions with it end at once: its
            authorization codes, access tokens and refresh tokens stop working. To use it again, it must be authorized again.
          </span>
        </>
      }
      confirmLabel="Delete Application"
      onConfirm={async () => {
        const res = await apiFetch(`/api/v1/third-party-apps/${encodeURIComponent(appId)}`, { method: "DELETE" });
        if (!res.ok) return res.message;
        if (afterDelete) router.push(afterDelete);
        router.refresh();
        return null;
      }}
    />
  );
}
