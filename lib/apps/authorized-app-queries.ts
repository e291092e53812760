import { and, asc, desc, eq, isNotNull, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, applications, installations, personalConsents } from "@/db/schema";

/** Who the list is of: one person (owner, RAM user or role session) in one account. */
export type Person = { accountId: string; subject: string };

export type AuthorizedAppKind = "enterprise" | "third-party" | "official";

/**
 * The person's grants (token families) under the installation in the outer query, by the
 * grants_subject_installation index. Written with table names: drizzle leaves the outer columns
 * unqualified otherwise.
 */
const ownGrants = (subject: string) =>
  sql`from grants g where g.installation_id = "installations"."id" and g.subject = ${subject}::uuid`;

/** A live token of a live grant of the person's under this installation: the application can act as them now. */
const liveTokens = (subject: string) => sql<boolean>`(exists (select 1 ${ownGrants(subject)} and g.revoked_at is null
    and (exists (select 1 from access_tokens t where t.grant_id = g.id and t.revoked_at is null and t.expires_at > now())
      or exists (select 1 from refresh_tokens r where r.grant_id = g.id and r.revoked_at is null and r.rotated_at is null and r.expires_at > now()))))`;

/**
 * My authorized applications (issue 16, item 4): the applications the person uses in the account,
 * one row per installation, where they still hold a token family (a grant not revoked) or gave a
 * personal consent (official applications). Bounded by the account's installations, so it is one
 * page: the newest use first. Each row says what the application may access: the person's own
 * choice for an official application, the account's installation otherwise.
 */
export async function listAuthorizedApps(db: Db | Tx, person: Person) {
  const lastUsedAt = sql<Date | null>`(select max(g.created_at) ${ownGrants(person.subject)})`.mapWith(
    installations.createdAt,
  );
  const heldGrant = sql`exists (select 1 ${ownGrants(person.subject)} and g.revoked_at is null)`;
  const rows = await db
    .select({
      clientId: applications.clientId,
      name: applications.name,
      description: applications.description,
      logoUrl: applications.logoUrl,
      official: applications.official,
      providerAccountId: applications.accountId,
      provider: accounts.alias,
      installedScopes: installations.scopes,
      consentScopes: personalConsents.scopes,
      consentedAt: personalConsents.createdAt,
      lastUsedAt,
      activeTokens: liveTokens(person.subject),
    })
    .from(installations)
    .innerJoin(applications, eq(applications.id, installations.applicationId))
    .innerJoin(accounts, eq(accounts.id, applications.accountId))
    .leftJoin(
      personalConsents,
      and(eq(personalConsents.installationId, installations.id), eq(personalConsents.subject, person.subject)),
    )
    .where(and(eq(installations.accountId, person.accountId), or(isNotNull(personalConsents.subject), heldGrant)))
    .orderBy(desc(sql`coalesce(${lastUsedAt}, ${personalConsents.createdAt})`), asc(applications.name));
  return rows.map(({ providerAccountId, installedScopes, consentScopes, consentedAt, ...r }) => {
    const kind: AuthorizedAppKind =
      providerAccountId === person.accountId ? "enterprise" : r.official ? "official" : "third-party";
    const chosen = consentedAt ? new Set(consentScopes ?? installedScopes) : null;
    return {
      ...r,
      kind,
      /** What the application may access for this person now. */
      scopes: chosen ? installedScopes.filter((s) => chosen.has(s)) : installedScopes,
      /** Set for an official application the person authorized for themselves. */
      personalConsent: consentedAt ? { createdAt: consentedAt } : null,
    };
  });
}

export type AuthorizedApp = Awaited<ReturnType<typeof listAuthorizedApps>>[number];

/**
 * One application of the person's list, by client_id, as the revocations need it (its
 * installation, and whether the person consented to it themselves), or null when it is not in
 * their list: never used, already revoked, or not installed in their account.
 */
export async function getAuthorizedApp(db: Db | Tx, person: Person, clientId: string) {
  if (clientId.length === 0 || clientId.length > 128) return null;
  const heldGrant = sql`exists (select 1 ${ownGrants(person.subject)} and g.revoked_at is null)`;
  const [row] = await db
    .select({
      installationId: installations.id,
      applicationId: applications.id,
      clientId: applications.clientId,
      name: applications.name,
      consentScopes: personalConsents.scopes,
      consented: sql<boolean>`${personalConsents.subject} is not null`,
    })
    .from(installations)
    .innerJoin(applications, eq(applications.id, installations.applicationId))
    .leftJoin(
      personalConsents,
      and(eq(personalConsents.installationId, installations.id), eq(personalConsents.subject, person.subject)),
    )
    .where(
      and(
        eq(installations.accountId, person.accountId),
        eq(applications.clientId, clientId),
        or(isNotNull(personalConsents.subject), heldGrant),
      ),
    );
  return row ?? null;
}
