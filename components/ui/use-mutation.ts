"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, type ApiResult } from "@/lib/client/api-fetch";
import { toast } from "./toast";

export type MutationRequest = {
  url: string;
  method: string;
  body?: unknown;
  /** Put before the message when this request fails ("openid: …"), for a list of requests. */
  label?: string;
  /** Statuses that count as done (409 when adding a member who is already one). */
  tolerate?: number[];
};
type Options = {
  /**
   * Shown as a toast when the request succeeded, saying what happened ("Insight Dashboard deleted.").
   * Required: every change the console makes is confirmed (a failure stays in the form or dialog).
   */
  success: string;
  /** Where to go after success (router.push); the page is refreshed in any case. */
  redirectTo?: string;
};

/**
 * The console's one way to change something: call the REST API, keep `pending` and the failure
 * `error` for the form or dialog, and on success refresh the server components (or go elsewhere).
 * `run` resolves to the API result, so a caller can read `data` (a new id) or a status.
 */
export function useMutation() {
  const router = useRouter();
  const t = useTranslations("console.mutation");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run<T = unknown>(
    request: MutationRequest | MutationRequest[],
    options: Options,
  ): Promise<ApiResult<T>> {
    setPending(true);
    setError(null);
    let res: ApiResult<T> | undefined;
    let failed: MutationRequest | undefined;
    // Several requests run one after the other; the first failure stops the rest.
    for (const r of Array.isArray(request) ? request : [request]) {
      const one = await apiFetch<T>(r.url, { method: r.method, body: r.body });
      if (!one.ok && r.tolerate?.includes(one.status)) continue;
      res = one;
      if (!one.ok) {
        failed = r;
        break;
      }
    }
    setPending(false);
    res ??= { ok: true, status: 204, data: undefined as T };
    if (!res.ok) {
      // The API's own message is in the page's language already; these two are the browser's.
      const message = res.message ?? (res.status === 0 ? t("unreachable") : t("failed", { status: res.status }));
      setError(failed?.label ? t("labelled", { label: failed.label, message }) : message);
      if (Array.isArray(request)) router.refresh();
      return { ...res, message };
    }
    toast(options.success);
    if (options.redirectTo) router.push(options.redirectTo);
    router.refresh();
    return res;
  }

  return { run, pending, error, setError, reset: () => setError(null), router };
}
