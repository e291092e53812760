import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { consentRequests } from "@/db/schema";
import { getClient, type ClientRecord } from "@/lib/apps/clients";
import { isConsentRequestId, type StoredRequest } from "./consent-requests";

/**
 * A consent request by its id alone, whatever session it belongs to and whether or not it was
 * answered: for the pages that lead the person back (sign in and continue; back to the app).
 */
async function findConsentRequest(db: Db | Tx, id: string) {
  if (!isConsentRequestId(id)) return null;
  const [row] = await db
    .select({ params: consentRequests.params, usedAt: consentRequests.usedAt })
    .from(consentRequests)
    .where(eq(consentRequests.id, id));
  return row ?? null;
}

/** The authorization endpoint URL that starts this request again (RFC 6749 §4.1.1; PKCE is always S256). */
export function authorizeUrlOf(stored: StoredRequest): string {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: stored.clientId,
    redirect_uri: stored.redirectUri,
    scope: stored.scope,
  });
  if (stored.state !== undefined) q.set("state", stored.state);
  if (stored.nonce !== undefined) q.set("nonce", stored.nonce);
  // RFC 8707: without it the tokens would be for the console API, and /mcp would refuse them.
  if (stored.resource !== undefined) q.set("resource", stored.resource);
  // OIDC Core §3.1.2.1: the pages after sign-in speak the language the application asked for.
  if (stored.uiLocales !== undefined) q.set("ui_locales", stored.uiLocales);
  if (stored.codeChallenge !== undefined) {
    q.set("code_challenge", stored.codeChallenge);
    q.set("code_challenge_method", "S256");
  }
  return `/oauth2/authorize?${q.toString()}`;
}

/**
 * Where "Sign in again" leads: a consent request is bound to the session that made it, so after a
 * new sign-in the person continues from the authorization request itself (the authorization
 * endpoint checks it all again). An answered or unknown request continues to the console.
 */
export async function signInAndContinueUrl(db: Db | Tx, requestId: string): Promise<string> {
  const row = await findConsentRequest(db, requestId);
  const back = row && !row.usedAt ? authorizeUrlOf(row.params) : "/";
  return `/signin?callbackUrl=${encodeURIComponent(back)}`;
}

type WayBack = { name: string; href: string } | null;

/** An application as a way back to it: its name and homepage, if it has one. */
export function wayBackOf(client: Pick<ClientRecord, "name" | "homepageUrl"> | null): WayBack {
  return client?.homepageUrl ? { name: client.name, href: client.homepageUrl } : null;
}

/**
 * A consent request that can no longer be answered (found by its id alone): the application it
 * was for, as a way back to it, and the languages it asked the pages to speak (ui_locales).
 */
export async function goneRequest(db: Db | Tx, requestId: string): Promise<{ back: WayBack; uiLocales?: string }> {
  const row = await findConsentRequest(db, requestId);
  if (!row) return { back: null };
  return { back: wayBackOf(await getClient(row.params.clientId, db)), uiLocales: row.params.uiLocales };
}
