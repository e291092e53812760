"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/console/local-time";
import { apiFetch } from "@/lib/client/api-fetch";

type Impact = { people: number; accessTokens: number; refreshTokens: number; lastUsedAt: string | null; limit: number };
type State = { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; impact: Impact };

/**
 * What Delete Application stops, read when the dialog opens (the dialog's content mounts then):
 * how many people used the application, its live access and refresh tokens, its last use.
 */
export function DeleteImpact({ clientId }: { clientId: string }) {
  const t = useTranslations("revokeImpact");
  const tRequest = useTranslations("console.mutation");
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    let live = true;
    void apiFetch<Impact>(`/api/v1/third-party-apps/${encodeURIComponent(clientId)}/impact`).then((res) => {
      if (!live) return;
      if (res.ok) return setState({ status: "ready", impact: res.data });
      const message =
        res.message ?? (res.status === 0 ? tRequest("unreachable") : tRequest("failed", { status: res.status }));
      setState({ status: "failed", message });
    });
    return () => {
      live = false;
    };
  }, [clientId, tRequest]);

  if (state.status === "loading")
    return (
      <span role="status" className="mt-3 block text-gray-500">
        {t("loading")}
      </span>
    );
  if (state.status === "failed")
    return <span className="mt-3 block text-gray-500">{t("failed", { reason: state.message })}</span>;
  const { impact } = state;
  // A count above the limit means "more than the limit": the server stops counting there.
  const line = (what: "people" | "accessTokens" | "refreshTokens") =>
    impact[what] > impact.limit ? t(`${what}More`, { limit: impact.limit }) : t(what, { count: impact[what] });
  return (
    <span className="mt-3 block rounded-sm border border-gray-200 bg-gray-50 px-3 py-2" data-testid="delete-impact">
      <span className="block font-medium">{t("heading")}</span>
      <ul className="mt-1 list-disc pl-5">
        <li>{line("people")}</li>
        <li>{line("accessTokens")}</li>
        <li>{line("refreshTokens")}</li>
        <li>
          {impact.lastUsedAt ? (
            <>
              {t("lastUsed")} <LocalTime value={impact.lastUsedAt} />
            </>
          ) : (
            t("neverUsed")
          )}
        </li>
      </ul>
    </span>
  );
}
