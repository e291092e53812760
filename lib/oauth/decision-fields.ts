import { pageMessage, type PageMessage } from "./page-text";

/** The consent form's fields, as the decision endpoint reads them; `lang`: the language of the page it was sent from. */
export type DecisionFields = {
  requestId: string;
  csrf: string;
  decision: string | null;
  scopes: string[];
  lang: string | null;
};

/**
 * Reads the consent form. Our form sends each field once and each scope item once: a repeated
 * field or scope item is an edited request, refused before anything is read or written (the rule
 * of RFC 6749 §3.1: "parameters MUST NOT be included more than once").
 */
export function readDecisionFields(
  body: string,
): { ok: true; fields: DecisionFields } | { ok: false; message: PageMessage } {
  const single = new Map<string, string>();
  const scopes: string[] = [];
  for (const [key, value] of new URLSearchParams(body)) {
    if (key === "scope") {
      if (scopes.includes(value)) return { ok: false, message: pageMessage("formRepeatedScope", { scope: value }) };
      scopes.push(value);
    } else {
      if (single.has(key)) return { ok: false, message: pageMessage("formRepeatedField", { field: key }) };
      single.set(key, value);
    }
  }
  return {
    ok: true,
    fields: {
      requestId: single.get("request_id") ?? "",
      csrf: single.get("csrf_token") ?? "",
      decision: single.get("decision") ?? null,
      scopes,
      lang: single.get("lang") ?? null,
    },
  };
}
