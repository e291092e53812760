import type { ClientRecord } from "@/lib/apps/clients";
import { pageMessage, type PageMessage } from "./page-text";

/** What a consent screen offers: the required items (locked) and the optional ones (switches). */
export type ScopeOffer = { required: string[]; optional: string[] };

/** What the install consent offers: the app's required scope, and the optional items this request asked for. */
export function offeredScopes(client: Pick<ClientRecord, "scopes">, requestedScope: string): ScopeOffer {
  const requested = new Set(requestedScope.split(" ").filter(Boolean));
  return {
    required: client.scopes.filter((s) => s.required).map((s) => s.scope),
    optional: client.scopes.filter((s) => !s.required && requested.has(s.scope)).map((s) => s.scope),
  };
}

/**
 * Rule 2 of the design: the required scope cannot be dropped by editing the form, and nothing
 * outside the offer (what the app declared and this request asked for, or, for a personal
 * consent, what the installation granted) can be granted.
 */
export function checkChosenScopes(
  offer: ScopeOffer,
  submitted: string[],
): { ok: true; granted: string[] } | { ok: false; message: PageMessage } {
  const { required, optional } = offer;
  const chosen = new Set(submitted);
  const missing = required.filter((s) => !chosen.has(s));
  if (missing.length) return { ok: false, message: pageMessage("requiredScope", { scopes: missing }) };
  const extra = [...chosen].filter((s) => !required.includes(s) && !optional.includes(s));
  if (extra.length) return { ok: false, message: pageMessage("notGrantable", { scopes: extra }) };
  return { ok: true, granted: [...required, ...optional.filter((s) => chosen.has(s))] };
}

/** The install consent's check: the offer of this client and request. */
export function validateGrantedScopes(
  client: Pick<ClientRecord, "scopes">,
  requestedScope: string,
  submitted: string[],
) {
  return checkChosenScopes(offeredScopes(client, requestedScope), submitted);
}
