/** The consent form's fields, as the decision endpoint reads them. */
export type DecisionFields = { requestId: string; csrf: string; decision: string | null; scopes: string[] };

/**
 * Reads the consent form. Our form sends each field once and each scope item once: a repeated
 * field or scope item is an edited request, refused before anything is read or written (the rule
 * of RFC 6749 §3.1: "parameters MUST NOT be included more than once").
 */
export function readDecisionFields(
  body: string,
): { ok: true; fields: DecisionFields } | { ok: false; message: string } {
  const single = new Map<string, string>();
  const scopes: string[] = [];
  for (const [key, value] of new URLSearchParams(body)) {
    if (key === "scope") {
      if (scopes.includes(value)) return { ok: false, message: `The form sent the scope ${value} more than once.` };
      scopes.push(value);
    } else {
      if (single.has(key)) return { ok: false, message: `The form sent ${key} more than once.` };
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
    },
  };
}
