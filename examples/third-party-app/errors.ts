import * as client from "openid-client";
import type { Notice, Outcome } from "./sessions";
import { settings } from "./settings";

/** Runs one call to the authorization server; a failure becomes an Outcome the page can show. */
export async function attempt(fn: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await fn();
  } catch (error) {
    const e = describeError(error);
    return { ok: false, status: e.status, error: e.error, description: e.description };
  }
}

/** One readable shape for every failure openid-client (or the network) can raise. */
export function describeError(error: unknown): { error: string; description: string; status?: number } {
  if (error instanceof client.ResponseBodyError)
    return { error: error.error, description: error.error_description ?? error.message, status: error.status };
  if (error instanceof client.AuthorizationResponseError)
    return { error: error.error, description: error.error_description ?? "" };
  if (error instanceof client.WWWAuthenticateChallengeError) {
    const p = error.cause[0]?.parameters;
    return {
      error: p?.error ?? "invalid_token",
      description: p?.error_description ?? error.message,
      status: error.status,
    };
  }
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  if (e?.cause?.code === "ECONNREFUSED" || e?.message === "fetch failed") {
    return { error: "server_unreachable", description: `The RAM console at ${settings.issuer} can not be reached.` };
  }
  return { error: e?.code ?? "client_error", description: e?.message ?? String(error) };
}

const messages: Record<string, string> = {
  access_denied:
    "You did not grant access. The application was not authorized, and it received none of your information.",
  login_required: "You are not signed in to the RAM console.",
  consent_required: "The application needs to be authorized first.",
  invalid_scope: "The application asked for a scope it has not declared.",
  unauthorized_client: "This application may not use this kind of sign-in.",
  server_error: "The RAM console had a problem. Try again.",
  temporarily_unavailable: "The RAM console is busy. Try again in a moment.",
  server_unreachable: "The RAM console can not be reached.",
  no_sign_in_in_progress: "No sign-in was in progress in this browser.",
};

/** A failed sign-in, as the home page shows it: a sentence, the error code, the server's description. */
export function noticeOf(error: unknown): Notice {
  const e = describeError(error);
  return { error: e.error, message: messages[e.error] ?? "Signing in did not complete.", description: e.description };
}
