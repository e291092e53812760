import { and, asc, desc, eq, gt, isNotNull, isNull, or, sql } from "drizzle-orm";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { getDb, type Db } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { signingKeys } from "@/db/schema";

/** ID tokens live one hour; a retired key stays published at least that long (plus a margin). */
export const ID_TOKEN_TTL_SECONDS = 3600;
const PUBLISH_MARGIN_SECONDS = 10 * 60;

export type SigningKey = { kid: string; alg: "RS256"; key: CryptoKey };

/**
 * Imported private keys by kid. A kid is the thumbprint of its key, so an entry can never be stale:
 * which kid signs is read from the database on every call. Bounded (a handful of keys ever exist).
 */
const imported = new Map<string, Promise<CryptoKey>>();
const MAX_IMPORTED = 16;

/**
 * The active kid (the oldest unretired key) as a scalar subquery, for a statement that reads it
 * together with the code or refresh token it will sign for: as fresh as activeKid(), one statement fewer.
 */
export const activeKidSql = sql<string | null>`(select ${signingKeys.kid} from ${signingKeys}
  where ${signingKeys.retiredAt} is null order by ${signingKeys.createdAt}, ${signingKeys.kid} limit 1)`;

/**
 * The key that signs ID tokens: the oldest unretired key, looked up on every call (one prepared
 * statement on a table of a few rows, or `readKid`: the caller read it with activeKidSql in a
 * statement of its own), so a rotation made by any process is honoured by every process on its next
 * token. Only the imported CryptoKey is kept, by kid. On first use none exists and one is generated;
 * when two processes do that at once, both insert and both then pick the same oldest one (the other
 * stays published, harmlessly).
 */
export async function getSigningKey(readKid?: string | null): Promise<SigningKey> {
  const db = await getDb();
  let kid = readKid ?? (await activeKid(db));
  if (!kid) {
    await db.insert(signingKeys).values(await generateKeyRow());
    kid = await activeKid(db);
  }
  if (!kid) throw new Error("No signing key could be created.");
  return { kid, alg: "RS256", key: await importedKey(db, kid) };
}

async function activeKid(db: Db): Promise<string | undefined> {
  const query = preparedOnce(db, "signing_key_active", () =>
    db
      .select({ kid: signingKeys.kid })
      .from(signingKeys)
      .where(isNull(signingKeys.retiredAt))
      .orderBy(asc(signingKeys.createdAt), asc(signingKeys.kid))
      .limit(1)
      .prepare("signing_key_active"),
  );
  const [row] = await query.execute();
  return row?.kid;
}

function importedKey(db: Db, kid: string): Promise<CryptoKey> {
  let key = imported.get(kid);
  if (!key) {
    key = (async () => {
      const [row] = await db
        .select({ privateJwk: signingKeys.privateJwk })
        .from(signingKeys)
        .where(eq(signingKeys.kid, kid));
      if (!row) throw new Error("The signing key disappeared.");
      return (await importJWK(row.privateJwk as JWK, "RS256")) as CryptoKey;
    })();
    if (imported.size >= MAX_IMPORTED) imported.delete(imported.keys().next().value!);
    imported.set(kid, key);
    key.catch(() => {
      if (imported.get(kid) === key) imported.delete(kid);
    });
  }
  return key;
}

/** RSA-2048 for RS256; kid is the RFC 7638 thumbprint of the public key. */
async function generateKeyRow() {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const pub = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(pub, "sha256");
  const publicJwk = { ...pub, kid, alg: "RS256", use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "RS256" };
  return { kid, alg: "RS256", publicJwk, privateJwk };
}

/**
 * Retires every active key (published until the longest ID token signed with it has expired) and
 * makes a new one active. Every process signs with the new key from its next ID token on.
 */
export async function rotateSigningKey(db?: Db): Promise<{ kid: string; retired: string[] }> {
  const handle = db ?? (await getDb());
  const fresh = await generateKeyRow();
  const keep = ID_TOKEN_TTL_SECONDS + PUBLISH_MARGIN_SECONDS;
  const retired = await handle.transaction(async (tx) => {
    const rows = await tx
      .update(signingKeys)
      .set({ retiredAt: new Date(), publishUntil: new Date(Date.now() + keep * 1000) })
      .where(isNull(signingKeys.retiredAt))
      .returning({ kid: signingKeys.kid });
    await tx.insert(signingKeys).values(fresh);
    return rows.map((r) => r.kid);
  });
  return { kid: fresh.kid, retired };
}

/** The JWK Set: active keys and retired keys still within their publication time. Read fresh each time. */
export async function getPublicJwks(): Promise<{ keys: Record<string, unknown>[] }> {
  const db = await getDb();
  let rows = await publishedKeys(db);
  if (rows.length === 0) {
    // First start: the key set must never be empty, so create the first key now.
    await getSigningKey();
    rows = await publishedKeys(db);
  }
  return { keys: rows.map((r) => r.jwk) };
}

function publishedKeys(db: Db) {
  return db
    .select({ jwk: signingKeys.publicJwk })
    .from(signingKeys)
    .where(
      or(
        isNull(signingKeys.retiredAt),
        and(isNotNull(signingKeys.publishUntil), gt(signingKeys.publishUntil, sql`now()`)),
      ),
    )
    .orderBy(desc(signingKeys.createdAt), asc(signingKeys.kid));
}
