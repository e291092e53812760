import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { validateAccessToken } from "@/lib/oauth/token-validation";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import {
  authorize,
  authorizeUrl,
  CLI,
  consentPage,
  decide,
  exchange,
  grantWith,
  ISSUER,
  provisionCli,
  signedIn,
} from "../fixtures/consent-flow";

/**
 * The personal consent to an official application has the install consent's split (issue 13,
 * item 1): required items locked, optional items switches limited to what the installation
 * granted; the person's tokens carry only what they chose, kept per person.
 */
const db = setupSeededDatabase();

async function storedConsent(who: string) {
  const p = await principalOf(db().db, who);
  return db()
    .db.select({ scopes: s.personalConsents.scopes, offered: s.personalConsents.offeredScopes })
    .from(s.personalConsents)
    .innerJoin(s.installations, eq(s.installations.id, s.personalConsents.installationId))
    .where(and(eq(s.personalConsents.subject, p.subject), eq(s.installations.accountId, p.accountId)));
}

/** The optional item's switch as rendered: an <input class="switch" role="switch"> naming the scope. */
const switchOf = (html: string, scope: string) =>
  html.match(new RegExp(`<input class="switch" type="checkbox" role="switch"[^>]*value="${scope}"/>`))?.[0];

const tokenScope = async (accessToken: string) => (await validateAccessToken(accessToken))?.scope;

describe(`the personal consent's scope choice on ${process.env.TEST_DB}`, () => {
  it("shows the required scope locked and the installation's optional scope as a switch, off", async () => {
    await provisionCli(db().db, "acme", ["/acs/ram"], ["alice", "bob"]);
    const alice = await signedIn(db().db, "alice@acme");
    const { requestId } = await authorize(alice, authorizeUrl(CLI));
    const { status, html } = await consentPage(alice, requestId!);
    expect(status).toBe(200);
    expect(html).toContain("<legend>Required scope</legend>");
    expect(html).toContain('<input type="hidden" name="scope" value="openid"/>');
    expect(html).toContain('<input type="hidden" name="scope" value="profile"/>');
    expect(html).toContain("<legend>Optional scope</legend>");
    expect(switchOf(html, "/acs/ram")).toContain('name="scope"');
    expect(switchOf(html, "/acs/ram")).not.toContain("checked");
    // The seed's notice: a cloud service scope means the app uses the person's identity.
    expect(html).toContain("the application uses your identity to access Alibaba Cloud resources");
    expect(html).not.toContain("permission information");
    expect(html).not.toContain("can not");
  });

  it("a person who leaves /acs/ram off gets tokens without it, keeps that choice, and is not asked again", async () => {
    const alice = await signedIn(db().db, "alice@acme");
    const first = await authorize(alice, authorizeUrl(CLI));
    const granted = await decide(alice, first.requestId!, grantWith(["openid", "profile"]));
    expect(granted.status).toBe(303);
    const token = await exchange(CLI, granted.headers.get("location")!);
    expect(token.status).toBe(200);
    expect(token.body.scope).toBe("openid profile");
    expect(await tokenScope(token.body.access_token!)).toBe("openid profile");
    expect(await storedConsent("alice@acme")).toEqual([
      { scopes: ["openid", "profile"], offered: ["openid", "profile", "/acs/ram"] },
    ]);

    // Asked for /acs/ram again: it was offered and declined, so straight through, still without it.
    const again = await authorize(alice, authorizeUrl(CLI));
    expect(again.requestId).toBeNull();
    const second = await exchange(CLI, again.location);
    expect(second.body.scope).toBe("openid profile");
    const refreshed = await tokenEndpoint(
      new Request(`${ISSUER}/oauth2/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "refresh_token",
          refresh_token: second.body.refresh_token!,
          client_id: CLI.clientId,
        }),
      }),
    );
    expect(((await refreshed.json()) as { scope: string }).scope).toBe("openid profile");
  });

  it("the choice is per person: another assigned person who turns /acs/ram on gets it", async () => {
    const bob = await signedIn(db().db, "bob@acme");
    const { requestId } = await authorize(bob, authorizeUrl(CLI));
    const granted = await decide(bob, requestId!, grantWith(["openid", "profile", "/acs/ram"]));
    const token = await exchange(CLI, granted.headers.get("location")!);
    expect(token.body.scope).toBe("openid profile /acs/ram");
    expect(await storedConsent("bob@acme")).toEqual([
      { scopes: ["openid", "profile", "/acs/ram"], offered: ["openid", "profile", "/acs/ram"] },
    ]);
    expect((await storedConsent("alice@acme"))[0]!.scopes).toEqual(["openid", "profile"]);
    const [event] = await db()
      .db.select({ detail: s.auditEvents.detail })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, "ConsentApplication"), eq(s.auditEvents.actor, "bob@acme.onaliyun.com")));
    expect(event?.detail).toEqual({ scopes: ["openid", "profile", "/acs/ram"] });
  });

  it("offers only what the installation granted; when it later grants more, a new consent shows it, off", async () => {
    await provisionCli(db().db, "globex", [], ["carol"]);
    const carol = await signedIn(db().db, "carol@globex");
    const first = await authorize(carol, authorizeUrl(CLI));
    const page = await consentPage(carol, first.requestId!);
    expect(page.html).not.toContain("/acs/ram");
    expect(page.html).not.toContain("Optional scope");
    const granted = await decide(carol, first.requestId!, grantWith(["openid", "profile"]));
    expect((await exchange(CLI, granted.headers.get("location")!)).body.scope).toBe("openid profile");

    // The installation grants /acs/ram from now on (as a new installation would).
    const carolP = await principalOf(db().db, "carol@globex");
    await db()
      .db.update(s.installations)
      .set({ scopes: sql`${s.installations.scopes} || '["/acs/ram"]'::jsonb` })
      .where(
        and(
          eq(s.installations.accountId, carolP.accountId),
          sql`${s.installations.applicationId} = (select id from applications where client_id = ${CLI.clientId})`,
        ),
      );
    const none = await authorize(carol, authorizeUrl(CLI, { prompt: "none" }));
    expect(new URL(none.location).searchParams.get("error")).toBe("consent_required");
    const next = await authorize(carol, authorizeUrl(CLI));
    expect(next.requestId).not.toBeNull();
    const again = await consentPage(carol, next.requestId!);
    expect(switchOf(again.html, "/acs/ram")).toContain('name="scope"');
    expect(switchOf(again.html, "/acs/ram")).not.toContain("checked");
    const more = await decide(carol, next.requestId!, grantWith(["openid", "profile", "/acs/ram"]));
    expect((await exchange(CLI, more.headers.get("location")!)).body.scope).toBe("openid profile /acs/ram");
    expect(await storedConsent("carol@globex")).toEqual([
      { scopes: ["openid", "profile", "/acs/ram"], offered: ["openid", "profile", "/acs/ram"] },
    ]);
    // A request that does not ask for /acs/ram still gets only what it asked for.
    const plain = await authorize(carol, authorizeUrl(CLI, { scope: "openid profile" }));
    expect((await exchange(CLI, plain.location)).body.scope).toBe("openid profile");
  });
});
