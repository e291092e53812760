import { and, asc, desc, gt, isNotNull, isNull, or, sql } from "drizzle-orm";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { getDb, type Db } from "@/db/client";
import { signingKeys } from "@/db/schema";

/** ID tokens live one hour; a retired key stays published at least that long (plus a margin). */
export const ID_TOKEN_TTL_SECONDS = 3600;
const PUBLISH_MARGIN_SECONDS = 10 * 60;
const CACHE_MS = 60_000;

export type SigningKey = { kid: string; alg: "RS256"; key: CryptoKey };

let cached: { at: number; value: Promise<SigningKey> } | undefined;

/**
 * The key that signs ID tokens: the oldest unretired key. On first use none exists and one is
 * generated; when two processes do that at once, both insert and both then pick the same oldest one
 * (the other stays published, harmlessly). Cached per process for at most 60 s.
 */
export function getSigningKey(): Promise<SigningKey> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
  const value = loadSigningKey();
  cached = { at: Date.now(), value };
  value.catch(() => {
    if (cached?.value === value) cached = undefined;
  });
  return value;
}

export function invalidateSigningKeyCache(): void {
  cached = undefined;
}

async function loadSigningKey(): Promise<SigningKey> {
  const db = await getDb();
  let row = await oldestActive(db);
  if (!row) {
    await db.insert(signingKeys).values(await generateKeyRow());
    row = await oldestActive(db);
  }
  if (!row) throw new Error("No signing key could be created.");
  return { kid: row.kid, alg: "RS256", key: (await importJWK(row.privateJwk as JWK, "RS256")) as CryptoKey };
}

async function oldestActive(db: Db) {
  const [row] = await db
    .select({ kid: signingKeys.kid, privateJwk: signingKeys.privateJwk })
    .from(signingKeys)
    .where(isNull(signingKeys.retiredAt))
    .orderBy(asc(signingKeys.createdAt), asc(signingKeys.kid))
    .limit(1);
  return row;
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
 * makes a new one active. Other processes pick the new key up within the cache time (60 s).
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
  invalidateSigningKeyCache();
  return { kid: fresh.kid, retired };
}

/** The JWK Set: active keys and retired keys still within their publication time. Read fresh each time. */
export async function getPublicJwks(): Promise<{ keys: Record<string, unknown>[] }> {
  const db = await getDb();
  let rows = await publishedKeys(db);
  if (rows.length === 0) {
    // First start: the key set must never be empty, so create the first key now.
    invalidateSigningKeyCache();
    await getSigningKey();
    rows = await publishedKeys(db);
  }
  return { keys: rows.map((r) => r.jwk) };
}

function publishedKeys(db: Db) {
  return db
    .select({ jwk: signingKeys.publicJwk })
    .from(signingKeys)
    .where(or(isNull(signingKeys.retiredAt), and(isNotNull(signingKeys.publishUntil), gt(signingKeys.publishUntil, sql`now()`))))
    .orderBy(desc(signingKeys.createdAt), asc(signingKeys.kid));
}
