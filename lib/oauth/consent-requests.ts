import { createHmac } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { consentRequests } from "@/db/schema";
import { randomToken } from "@/lib/crypto/tokens";
import { getEnv } from "@/lib/env";
import type { AuthorizationRequest } from "./authorize-request";

const TTL_SECONDS = 10 * 60;

export type StoredRequest = (typeof consentRequests.$inferSelect)["params"];

export function toStored(r: AuthorizationRequest): StoredRequest {
  return {
    clientId: r.clientId,
    redirectUri: r.redirectUri,
    scope: r.scopes.join(" "),
    state: r.state,
    nonce: r.nonce,
    codeChallenge: r.codeChallenge,
    resource: r.resource,
    mcpClientId: r.mcpClientId,
    uiLocales: r.uiLocales,
  };
}

export async function createConsentRequest(
  db: Db | Tx,
  opts: {
    sessionId: string;
    applicationId: string;
    request: AuthorizationRequest;
    kind: (typeof consentRequests.$inferSelect)["kind"];
  },
): Promise<string> {
  const id = randomToken(24);
  const stored = toStored(opts.request);
  await db.insert(consentRequests).values({
    id,
    sessionId: opts.sessionId,
    applicationId: opts.applicationId,
    params: stored,
    kind: opts.kind,
    expiresAt: new Date(Date.now() + TTL_SECONDS * 1000),
  });
  return id;
}

const columns = {
  id: consentRequests.id,
  sessionId: consentRequests.sessionId,
  applicationId: consentRequests.applicationId,
  params: consentRequests.params,
  kind: consentRequests.kind,
};

/** The consent page of a request: GET /oauth2/consent/{requestId}. */
export const consentPagePath = (id: string) => `/oauth2/consent/${id}`;

/** The shape of an id from createConsentRequest (base64url): anything else is unknown without asking the database. */
export function isConsentRequestId(id: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id);
}

/** The request, of this console session, not used yet and not expired. */
function pending(id: string, sessionId: string) {
  return and(
    eq(consentRequests.id, id),
    eq(consentRequests.sessionId, sessionId),
    isNull(consentRequests.usedAt),
    gt(consentRequests.expiresAt, sql`now()`),
  );
}

/** A pending request of this console session, or null (unknown, another session's, used or expired). */
export async function getPendingConsentRequest(db: Db | Tx, id: string, sessionId: string) {
  if (!isConsentRequestId(id)) return null;
  const [row] = await db.select(columns).from(consentRequests).where(pending(id, sessionId));
  return row ? { ...row, request: row.params } : null;
}

/** Marks the request used; only the first submission gets the row back (a consent page submits once). */
export async function consumeConsentRequest(tx: Tx, id: string, sessionId: string) {
  if (!isConsentRequestId(id)) return null;
  const [row] = await tx
    .update(consentRequests)
    .set({ usedAt: sql`now()` })
    .where(pending(id, sessionId))
    .returning(columns);
  return row ? { ...row, request: row.params } : null;
}

/** The consent form's CSRF token: bound to the console session and to this authorization request. */
export function consentCsrfToken(sessionId: string, requestId: string): string {
  return createHmac("sha256", getEnv().authSecret).update(`consent:${sessionId}:${requestId}`).digest("base64url");
}
