import { randomBytes } from "node:crypto";
import { eq, ne } from "drizzle-orm";
import { hashPassword } from "@/lib/crypto/password";
import { systemPolicies } from "./system-policies";
import type { Db, Tx } from "./client";
import { officialApps, PLATFORM_ACCOUNT } from "./official-apps";
import * as s from "./schema";

/**
 * What every installation needs, production included, with no known password: the system
 * policies, the platform account and its official applications. Idempotent; runs at every start.
 */
export async function loadCatalog(db: Db): Promise<void> {
  await db.transaction((tx) => loadCatalogIn(tx));
}

export async function loadCatalogIn(tx: Tx): Promise<void> {
  await tx
    .insert(s.policies)
    .values([...systemPolicies])
    .onConflictDoNothing();
  const platformId = await ensurePlatformAccount(tx);
  for (const app of officialApps) {
    const inserted = await tx
      .insert(s.applications)
      .values({
        clientId: app.clientId,
        accountId: platformId,
        name: app.name,
        type: app.type,
        oauthVersion: app.oauthVersion,
        redirectUris: app.redirectUris,
        description: app.description,
        logoUrl: app.logoUrl,
        homepageUrl: app.homepageUrl,
        thirdParty: true,
        official: true,
      })
      .onConflictDoNothing()
      .returning({ id: s.applications.id });
    if (!inserted[0]) continue;
    await tx
      .insert(s.appScopes)
      .values(app.scopes.map(([scope, required]) => ({ applicationId: inserted[0]!.id, scope, required })));
  }
}

/** The platform account, created with a random password that nobody ever sees: sign-in as it always fails. */
async function ensurePlatformAccount(tx: Tx): Promise<string> {
  const find = () =>
    tx.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.alias, PLATFORM_ACCOUNT.alias));
  const [existing] = await find();
  if (existing) return existing.id;
  await tx
    .insert(s.accounts)
    .values({ ...PLATFORM_ACCOUNT, ownerPasswordHash: await hashPassword(randomBytes(32).toString("base64url")) })
    .onConflictDoNothing();
  const [row] = await find();
  return row!.id;
}

/** Whether any account other than the platform account exists (a person who can sign in). */
export async function hasHumanAccount(q: Db | Tx): Promise<boolean> {
  const rows = await q
    .select({ id: s.accounts.id })
    .from(s.accounts)
    .where(ne(s.accounts.alias, PLATFORM_ACCOUNT.alias))
    .limit(1);
  return rows.length > 0;
}
