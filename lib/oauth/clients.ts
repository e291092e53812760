import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appScopes, applications, type AppType } from "@/db/schema";

export type ClientRecord = {
  id: string;
  clientId: string;
  accountId: string;
  name: string;
  type: AppType;
  redirectUris: string[];
  description: string;
  logoUrl: string;
  homepageUrl: string;
  accessTokenValidity: number;
  refreshTokenValidity: number;
  thirdParty: boolean;
  official: boolean;
  scopes: { scope: string; required: boolean }[];
};

/** NativeApp clients can not keep a secret (RFC 8252): public clients, PKCE required. */
export function isPublicClient(client: Pick<ClientRecord, "type">): boolean {
  return client.type === "NativeApp";
}

const TTL_MS = 30_000;
const MAX_ENTRIES = 5_000;
const cache = new Map<string, { at: number; value: ClientRecord | null }>();

/**
 * The application behind a client_id. Cached for at most 30 s per process (bounded size);
 * every change to an application calls invalidateClient, so this process sees it at once.
 * Secrets are never cached: client authentication reads them each time.
 */
export async function getClient(clientId: string): Promise<ClientRecord | null> {
  const hit = cache.get(clientId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = await loadClient(clientId);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(clientId, { at: Date.now(), value });
  return value;
}

export function invalidateClient(clientId?: string): void {
  if (clientId) cache.delete(clientId);
  else cache.clear();
}

async function loadClient(clientId: string): Promise<ClientRecord | null> {
  // RFC 6749 Appendix A.1: client_id is VSCHAR (printable ASCII); anything else can not be ours.
  if (!/^[\x20-\x7e]{1,128}$/.test(clientId)) return null;
  const db = await getDb();
  const [app] = await db.select().from(applications).where(eq(applications.clientId, clientId));
  if (!app) return null;
  const scopes = await db
    .select({ scope: appScopes.scope, required: appScopes.required })
    .from(appScopes)
    .where(eq(appScopes.appId, app.id))
    .orderBy(asc(appScopes.scope));
  return {
    id: app.id,
    clientId: app.clientId,
    accountId: app.accountId,
    name: app.name,
    type: app.type,
    redirectUris: app.redirectUris,
    description: app.description,
    logoUrl: app.logoUrl,
    homepageUrl: app.homepageUrl,
    accessTokenValidity: app.accessTokenValidity,
    refreshTokenValidity: app.refreshTokenValidity,
    thirdParty: app.thirdParty,
    official: app.official,
    scopes,
  };
}
