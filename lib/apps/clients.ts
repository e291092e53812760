import { eq, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { applications, type appScopes } from "@/db/schema";
import { MCP_SERVER_CLIENT_ID } from "@/db/official-apps";
import { applicationColumns } from "./application-columns";
import { getMcpClientRow, overlayMcpClient, type McpClientRef } from "./mcp-clients";

/** An application as the authorization server reads it, with its declared scopes; typed from the schema. */
export type ClientRecord = Pick<
  typeof applications.$inferSelect,
  | "id"
  | "clientId"
  | "accountId"
  | "name"
  | "type"
  | "redirectUris"
  | "description"
  | "logoUrl"
  | "homepageUrl"
  | "accessTokenValidity"
  | "refreshTokenValidity"
  | "thirdParty"
  | "official"
  | "oauthVersion"
> & {
  scopes: Pick<typeof appScopes.$inferSelect, "scope" | "required">[];
  /** Set when the client_id is an MCP host's: the record is then the OpenAPI MCP Server's, with the host's redirect URIs. */
  mcpClient?: McpClientRef;
};

/**
 * NativeApp clients cannot keep a secret (RFC 8252), and an OAuth 2.1 application has none
 * (OAuth 2.1 §2.1 public clients): public clients, PKCE required.
 */
export function isPublicClient(client: Pick<ClientRecord, "type" | "oauthVersion">): boolean {
  return client.type === "NativeApp" || client.oauthVersion === "2.1";
}

// RFC 6749 Appendix A.1: client_id is VSCHAR (printable ASCII); anything else cannot be ours.
// Up to 512: a Client ID Metadata Document's client_id is its https URL.
const CLIENT_ID = /^[\x20-\x7e]{1,512}$/;

const columns = {
  id: applications.id,
  accountId: applications.accountId,
  ...applicationColumns,
  // Written out with table names: drizzle leaves columns unqualified in a one-table select, and an
  // unqualified "id" inside the subquery would name the subquery's own table.
  scopes: sql<
    ClientRecord["scopes"]
  >`coalesce((select json_agg(json_build_object('scope', s.scope, 'required', s.required) order by s.scope) from app_scopes s where s.app_id = "applications"."id"), '[]'::json)`,
};
const secretHashes = sql<
  string[]
>`coalesce((select json_agg(k.secret_hash) from app_secrets k where k.app_id = "applications"."id"), '[]'::json)`;

function buildLookup(db: Db | Tx, withSecrets: boolean) {
  const name = withSecrets ? "oauth_client_with_secrets" : "oauth_client";
  return db
    .select({ ...columns, secretHashes: withSecrets ? secretHashes : sql<string[]>`'[]'::json` })
    .from(applications)
    .where(eq(applications.clientId, sql.placeholder("clientId")))
    .prepare(name);
}

type Loaded = { client: ClientRecord; secretHashes: string[] } | null;

async function load(db: Db | Tx, clientId: string, withSecrets: boolean): Promise<Loaded> {
  if (!CLIENT_ID.test(clientId)) return null;
  const name = withSecrets ? "oauth_client_with_secrets" : "oauth_client";
  const query = preparedOnce(db, name, () => buildLookup(db, withSecrets));
  const [row] = await query.execute({ clientId });
  if (!row) return clientId === MCP_SERVER_CLIENT_ID ? null : loadMcpClient(db, clientId);
  const { secretHashes, ...client } = row;
  return { client, secretHashes };
}

/** An MCP host's client_id: the OpenAPI MCP Server's record with the host's own name and redirect URIs. */
async function loadMcpClient(db: Db | Tx, clientId: string): Promise<Loaded> {
  const host = await getMcpClientRow(db, clientId);
  if (!host) return null;
  const app = await load(db, MCP_SERVER_CLIENT_ID, false);
  return app ? { client: overlayMcpClient(app.client, host), secretHashes: [] } : null;
}

/**
 * The application behind a client_id with its declared scopes, read from the database on every
 * call (one prepared statement): no process acts on an application older than the last committed
 * change (DESIGN.md, scale-out), so there is nothing to invalidate.
 */
export async function getClient(clientId: string, db?: Db | Tx): Promise<ClientRecord | null> {
  return (await load(db ?? (await getDb()), clientId, false))?.client ?? null;
}

/** For client authentication: the client and the hashes of its secrets (at most two), in the same one statement. */
export async function getClientWithSecrets(
  clientId: string,
): Promise<{ client: ClientRecord; secretHashes: string[] } | null> {
  return load(await getDb(), clientId, true);
}

/**
 * Inside a transaction that writes on the strength of the client's state (Grant, provisioning): the
 * application row is share-locked first, so a concurrent change or delete of the application, its
 * scopes or redirect URIs (each locks that row for update, lib/apps/app-queries.ts `lockOwnedApp`)
 * either committed before and is seen here, or waits until this transaction ends. The client is
 * read by a second statement, which in READ COMMITTED sees everything committed before the lock.
 */
export async function lockClient(tx: Tx, clientId: string): Promise<ClientRecord | null> {
  if (!CLIENT_ID.test(clientId)) return null;
  const lock = (id: string) =>
    tx.select({ id: applications.id }).from(applications).where(eq(applications.clientId, id)).for("share");
  const [row] = await lock(clientId);
  if (row) return getClient(clientId, tx);
  // An MCP host's record is the OpenAPI MCP Server's: that application's row is the one to lock,
  // and the host row read here is the one its record is built from.
  const host = clientId === MCP_SERVER_CLIENT_ID ? null : await getMcpClientRow(tx, clientId);
  if (!host || (await lock(MCP_SERVER_CLIENT_ID)).length === 0) return null;
  const app = await getClient(MCP_SERVER_CLIENT_ID, tx);
  return app ? overlayMcpClient(app, host) : null;
}
