/**
 * Browser helper for the console REST API: JSON in, JSON out. A failure carries the API's own
 * `message` (already in the request's language), or none when the API could not be reached
 * (status 0) or answered without one: the caller words those (components/ui/use-mutation.ts).
 */
export type ApiResult<T> =
  { ok: true; status: number; data: T } | { ok: false; status: number; message?: string; data?: unknown };

export async function apiFetch<T = unknown>(
  url: string,
  init: { method?: string; body?: unknown } = {},
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, status: 0 };
  }
  const data = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (res.ok) return { ok: true, status: res.status, data: data as T };
  const message =
    (data && typeof data === "object" && "message" in data && typeof data.message === "string" && data.message) ||
    undefined;
  return { ok: false, status: res.status, message, data };
}
