import type { ClientRecord } from "@/lib/apps/clients";

/** What the consent screen offers: the app's required scope, and the optional items this request asked for. */
export function offeredScopes(client: Pick<ClientRecord, "scopes">, requestedScope: string) {
  const requested = new Set(requestedScope.split(" ").filter(Boolean));
  return {
    required: client.scopes.filter((s) => s.required).map((s) => s.scope),
    optional: client.scopes.filter((s) => !s.required && requested.has(s.scope)).map((s) => s.scope),
  };
}

/**
 * Rule 2 of the design: the required scope can not be dropped by editing the form, and nothing
 * the app did not declare, or this request did not ask for, can be granted.
 */
export function validateGrantedScopes(
  client: Pick<ClientRecord, "scopes">,
  requestedScope: string,
  submitted: string[],
): { ok: true; granted: string[] } | { ok: false; message: string } {
  const { required, optional } = offeredScopes(client, requestedScope);
  const chosen = new Set(submitted);
  const missing = required.filter((s) => !chosen.has(s));
  if (missing.length)
    return {
      ok: false,
      message: `The required scope can not be deselected (${missing.join(", ")}). To deny it, cancel the request.`,
    };
  const extra = [...chosen].filter((s) => !required.includes(s) && !optional.includes(s));
  if (extra.length)
    return { ok: false, message: `These scopes can not be granted to this application: ${extra.join(", ")}.` };
  return { ok: true, granted: [...required, ...optional.filter((s) => chosen.has(s))] };
}
