import { getDb } from "@/db/client";
import { assertSameOrigin } from "@/lib/api/handler";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readBodyText } from "@/lib/http/body-limit";
import { issueMessage, toResponse } from "@/lib/oauth/error-response";
import { json } from "@/lib/http/json";
import { createFirstOwner } from "./create-first-owner";
import { firstOwnerSchema } from "./first-owner-schema";
import { encodeSetupFormState, SETUP_FORM_COOKIE } from "./setup-form-state";
import { isSetupOpen } from "./setup-state";
import { localeOfRequest, renderMessage } from "@/lib/i18n/translator";

/** Four short fields: anything bigger is not this form. */
export const MAX_SETUP_BODY = 4 * 1024;

/**
 * POST of the first-run form (app/(auth)/setup, an HTML form that needs no JavaScript). Same-origin
 * only, a small body, refused with 409 once an account exists; a valid form creates the first
 * account and its owner and sends the browser to sign-in; an invalid one goes back to the form.
 */
export async function setupEndpoint(request: Request): Promise<Response> {
  const locale = localeOfRequest(request);
  try {
    assertSameOrigin(request);
    const type = (request.headers.get("content-type") ?? "").toLowerCase();
    if (!type.startsWith("application/x-www-form-urlencoded")) {
      const message = renderMessage({ key: "apiErrors.setup.formRequired" }, locale);
      return json({ error: "invalid_input", message }, 415);
    }
    const body = await readBodyText(request, MAX_SETUP_BODY);
    const db = await getDb();
    if (!(await isSetupOpen(db))) throw new AppError("conflict", { key: "apiErrors.setup.alreadySetUp" });
    const form = new URLSearchParams(body);
    const field = (name: string) => form.get(name) ?? "";
    const parsed = firstOwnerSchema.safeParse({
      email: field("email"),
      alias: field("alias"),
      password: field("password"),
      confirmPassword: field("confirmPassword"),
    });
    if (!parsed.success) {
      // The reasons in the request's language: the page shows them as they are.
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issueMessage(issue, locale);
      return backToForm({
        values: { email: field("email").slice(0, 254), alias: field("alias").slice(0, 64) },
        errors,
      });
    }
    await createFirstOwner(db, parsed.data);
    return new Response(null, {
      status: 303,
      headers: { location: "/signin?setup=done", "cache-control": "no-store", "set-cookie": cookie("", 0) },
    });
  } catch (error) {
    return toResponse(error, "api", locale);
  }
}

function backToForm(state: Parameters<typeof encodeSetupFormState>[0]): Response {
  return new Response(null, {
    status: 303,
    headers: {
      location: "/setup",
      "cache-control": "no-store",
      "set-cookie": cookie(encodeSetupFormState(state), 120),
    },
  });
}

function cookie(value: string, maxAge: number): string {
  const secure = getEnv().secureCookies ? "; Secure" : "";
  return `${SETUP_FORM_COOKIE}=${value}; Path=/setup; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}
