import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { readOwnAuthorizedApps, readUserAuthorizedApps } from "@/lib/apps/governance-reads";
import { AppError } from "@/lib/errors";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import {
  authorize,
  authorizeUrl,
  CLI,
  decide,
  exchange,
  grantWith,
  ISSUER,
  provisionCli,
  signedIn,
} from "../fixtures/consent-flow";
import { demoClient, userinfoStatus } from "../fixtures/oauth-fixtures";
import { obtainTokens, refreshGrant, type Tokens } from "../fixtures/token-requests";
import { callerHeaders, send } from "../fixtures/route-cases";

/**
 * My authorized applications (issue 16, item 4): each person's list, their own revocation of it
 * (a revoked token is refused at the next request, the next authorization asks again: OWASP ASVS
 * 10.7.3), and the same list for an administrator on the user's page.
 */
const db = setupSeededDatabase();
const DEMO = "4071151845732613353";

const who = (name: string) => principalOf(db().db, name);
const headersOf = (kind: "alice" | "bob" | "globex") => callerHeaders(db().db, kind, { bearer: "", narrow: "" });
const revoke = async (kind: "alice" | "bob" | "globex", clientId: string) =>
  (await send("DELETE /me/authorized-apps/[clientId]", { params: { clientId } }, await headersOf(kind))).status;
const cliRefresh = (refreshToken: string) =>
  tokenEndpoint(
    new Request(`${ISSUER}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: CLI.clientId }),
    }),
  );

/** Alice's personal consent to the Official CLI (assigned in acme), and her tokens from it. */
async function cliTokensOfAlice() {
  const alice = await signedIn(db().db, "alice@acme");
  const { requestId } = await authorize(alice, authorizeUrl(CLI));
  const granted = await decide(alice, requestId!, grantWith(["openid", "profile"]));
  return (await exchange(CLI, granted.headers.get("location")!)).body;
}

describe(`my authorized applications on ${process.env.TEST_DB}`, () => {
  let demo: Tokens;
  let bobDemo: Tokens;
  let cli: Record<string, string>;
  beforeAll(async () => {
    const client = await demoClient(db().db);
    demo = await obtainTokens(db().db, client, "alice@acme", { scope: "openid profile" });
    bobDemo = await obtainTokens(db().db, client, "bob@acme", { scope: "openid profile" });
    await provisionCli(db().db, "acme", [], ["alice"]);
    cli = await cliTokensOfAlice();
  });

  it("lists the installed applications the person signed in to and the official ones they consented to", async () => {
    const apps = await readOwnAuthorizedApps({ actor: await who("alice@acme") });
    expect(apps.map((a) => [a.clientId, a.kind, a.scopes, a.activeTokens, a.personalConsent !== null])).toEqual([
      [CLI.clientId, "official", ["openid", "profile"], true, true],
      [DEMO, "third-party", ["openid", "profile"], true, false],
    ]);
    expect(apps[1]!.lastUsedAt).toBeInstanceOf(Date);
    // Each person has their own list; a role session is a person of its own.
    expect((await readOwnAuthorizedApps({ actor: await who("bob@acme") })).map((a) => a.clientId)).toEqual([DEMO]);
    expect(await readOwnAuthorizedApps({ actor: await who("alice@acme as auditor") })).toEqual([]);
    const res = await send("GET /me/authorized-apps", { params: {} }, await headersOf("alice"));
    expect(((await res.json()) as { items: { clientId: string }[] }).items).toHaveLength(2);
  });

  it("an administrator (or reader) sees the same list on the user's page; nobody else, and no other account", async () => {
    const alice = await who("alice@acme");
    const seen = await readUserAuthorizedApps({ actor: await who("bob@acme"), userId: alice.userId! });
    expect(seen?.map((a) => a.clientId)).toEqual([CLI.clientId, DEMO]);
    const refused = await readUserAuthorizedApps({ actor: await who("alice@acme"), userId: alice.userId! }).catch(
      (e: unknown) => e,
    );
    expect((refused as AppError).code).toBe("forbidden");
    expect(await readUserAuthorizedApps({ actor: await who("admin@globex"), userId: alice.userId! })).toBeNull();
  });

  it("Revoke of an installed application ends the person's tokens at the next request, nobody else's", async () => {
    expect(await userinfoStatus(demo.access_token)).toBe(200);
    expect(await revoke("globex", DEMO)).toBe(404);
    expect(await revoke("alice", DEMO)).toBe(204);
    expect(await userinfoStatus(demo.access_token)).toBe(401);
    const refreshed = await refreshGrant(await demoClient(db().db), demo.refresh_token);
    expect([refreshed.status, refreshed.body.error]).toEqual([400, "invalid_grant"]);
    expect(await userinfoStatus(bobDemo.access_token)).toBe(200);
    // The installation stays: signing in again gets new tokens without a consent screen.
    const alice = await signedIn(db().db, "alice@acme");
    const again = await authorize(
      alice,
      authorizeUrl({ clientId: DEMO, redirectUri: "http://127.0.0.1:8765/callback" }),
    );
    expect(again.requestId).toBeNull();
    const [audit] = await db()
      .db.select({ detail: s.auditEvents.detail })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, "RevokeOwnTokens"), eq(s.auditEvents.actor, "alice@acme.onaliyun.com")));
    expect(audit?.detail).toEqual({ revokedGrants: 1 });
  });

  it("Revoke of an official application ends the personal consent and the tokens; the next access asks again", async () => {
    const alice = await who("alice@acme");
    expect(await revoke("bob", CLI.clientId)).toBe(404);
    expect(await revoke("alice", CLI.clientId)).toBe(204);
    expect(await userinfoStatus(cli.access_token!)).toBe(401);
    expect((await cliRefresh(cli.refresh_token!)).status).toBe(400);
    const consents = await db()
      .db.select()
      .from(s.personalConsents)
      .where(eq(s.personalConsents.subject, alice.subject));
    expect(consents).toEqual([]);
    expect((await readOwnAuthorizedApps({ actor: alice })).map((a) => a.clientId)).not.toContain(CLI.clientId);
    const person = await signedIn(db().db, "alice@acme");
    const next = await authorize(person, authorizeUrl(CLI));
    expect(next.location).toMatch(/^\/oauth2\/consent\//);
    expect(await revoke("alice", CLI.clientId)).toBe(404);
    const [audit] = await db()
      .db.select({ detail: s.auditEvents.detail })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, "RevokeOwnConsent"), eq(s.auditEvents.actor, "alice@acme.onaliyun.com")));
    expect(audit?.detail).toEqual({ scopes: ["openid", "profile"], revokedGrants: 1 });
  });
});
