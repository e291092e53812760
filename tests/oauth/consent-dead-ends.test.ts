import { describe, expect, it } from "vitest";
import { setupSeededDatabase } from "../fixtures/db";
import { createClient } from "../fixtures/oauth-fixtures";
import {
  authorize,
  authorizeUrl,
  CLI,
  consentPage,
  decide,
  grantWith,
  ISSUER,
  provisionCli,
  signedIn,
  type Person,
} from "../fixtures/consent-flow";

/**
 * Where the consent pages lead when the person cannot go on (issue 13, item 7): each says why and
 * offers the way on: assign yourself, back to the application, sign in again and continue.
 */
const db = setupSeededDatabase();

/** Back (decision=cancel): the 303 to the application, as [status, error, error_description, state]. */
const denied = (description: string) => [303, "access_denied", description, "st-1"];

async function back(person: Person, requestId: string) {
  const res = await decide(person, requestId, [["decision", "cancel"]]);
  const q = new URL(res.headers.get("location")!).searchParams;
  return [res.status, q.get("error"), q.get("error_description"), q.get("state")];
}

describe(`the consent pages' dead ends on ${process.env.TEST_DB}`, () => {
  it("an unassigned administrator is told to assign themselves, with the link; others to ask an administrator", async () => {
    await provisionCli(db().db, "acme", [], []);
    const me = await signedIn(db().db, "admin@acme");
    const { requestId } = await authorize(me, authorizeUrl(CLI));
    const page = await consentPage(me, requestId!);
    expect(page.status).toBe(200);
    expect(page.html).toContain("You cannot use Official CLI");
    expect(page.html).toContain("As an administrator, you can assign yourself");
    expect(page.html).toContain(`<a href="/integrations/oauth/third-party-apps/${CLI.clientId}">`);
    expect(page.html).not.toContain("Ask an administrator");

    const bob = await signedIn(db().db, "bob@acme");
    const asked = await authorize(bob, authorizeUrl(CLI));
    const bobPage = await consentPage(bob, asked.requestId!);
    expect(bobPage.html).toContain("Ask an administrator of this account to assign you");
    expect(bobPage.html).not.toContain("/integrations/oauth/third-party-apps/");
    // Back tells the application why.
    expect(await back(bob, asked.requestId!)).toEqual(
      denied("You are not assigned to this application. Ask an administrator to assign you."),
    );
  });

  it("Back on the ask-an-administrator page gives the application an error_description that says why", async () => {
    const app = await createClient(db().db, "WebApp");
    const alice = await signedIn(db().db, "alice@acme");
    const { requestId } = await authorize(alice, authorizeUrl(app, { scope: "openid" }));
    expect((await consentPage(alice, requestId!)).html).toContain("Ask an administrator to authorize");
    expect(await back(alice, requestId!)).toEqual(
      denied(
        "The application is not installed in this account, and only the Alibaba Cloud account or a RAM administrator can install it.",
      ),
    );
  });

  it("the no-longer-valid page leads back to the application", async () => {
    const alice = await signedIn(db().db, "alice@acme");
    const app = await createClient(db().db, "WebApp");
    const { requestId } = await authorize(alice, authorizeUrl(app, { scope: "openid" }));
    await decide(alice, requestId!, [["decision", "cancel"]]);
    const gone = await consentPage(alice, requestId!);
    expect(gone.status).toBe(410);
    expect(gone.html).toContain("This authorization request is no longer valid");
    // The test app has no homepage: the way back is the console.
    expect(gone.html).toContain('<a class="button" href="/">Go to the RAM console</a>');

    const admin = await signedIn(db().db, "admin@acme");
    const cli = await authorize(admin, authorizeUrl(CLI));
    await decide(admin, cli.requestId!, [["decision", "cancel"]]);
    const cliGone = await consentPage(admin, cli.requestId!);
    expect(cliGone.status).toBe(410);
    expect(cliGone.html).toMatch(
      /<a class="button primary" href="https:\/\/cli\.example\.com"[^>]*>Back to Official CLI<\/a>/,
    );
  });

  it("the session-ended page signs in again and continues the same authorization request", async () => {
    const alice = await signedIn(db().db, "alice@acme");
    const app = await createClient(db().db, "WebApp");
    const url = authorizeUrl(app, { scope: "openid", nonce: "n-7" });
    const { requestId } = await authorize(alice, url);
    const ended = await decide(null, requestId!, grantWith(["openid"]));
    expect(ended.status).toBe(401);
    const html = await ended.text();
    expect(html).toContain("Your console session has ended");
    const href = html
      .match(/<a class="button primary" href="([^"]+)">Sign in again<\/a>/)?.[1]
      ?.replaceAll("&amp;", "&");
    expect(href).toMatch(/^\/signin\?callbackUrl=/);
    const callback = new URL(decodeURIComponent(href!.slice("/signin?callbackUrl=".length)), ISSUER);
    expect(Object.fromEntries(callback.searchParams)).toEqual(Object.fromEntries(new URL(url).searchParams));

    // Signed in again (a new session): the callback is the authorization request, on to the consent screen.
    const again = await signedIn(db().db, "alice@acme");
    const resumed = await authorize(again, callback.toString());
    expect((await consentPage(again, resumed.requestId!)).html).toContain("Ask an administrator to authorize");
    // The consent page itself, signed out, goes the same way.
    const signedOut = await consentPage(null, resumed.requestId!);
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toBe(href);
  });

  it("the install notice names permission information only when asked, and the cloud-service sentence for /acs/", async () => {
    const app = await createClient(db().db, "WebApp", ["openid", "permissions", "/acs/ram"]);
    const admin = await signedIn(db().db, "admin@acme");
    const plain = await authorize(admin, authorizeUrl(app, { scope: "openid" }));
    const plainHtml = (await consentPage(admin, plain.requestId!)).html;
    expect(plainHtml).toContain("It can access the identity of the people who use it.");
    expect(plainHtml).not.toContain("permission information");
    expect(plainHtml).not.toContain("Alibaba Cloud resources");
    const all = await authorize(admin, authorizeUrl(app, { scope: "openid permissions /acs/ram" }));
    const allHtml = (await consentPage(admin, all.requestId!)).html;
    expect(allHtml).toContain("It can access the identity and permission information of the people who use it.");
    expect(allHtml).toContain(
      "the application uses the identity of each person who uses it to access Alibaba Cloud resources",
    );
  });
});
