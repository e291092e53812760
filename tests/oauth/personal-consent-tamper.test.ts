import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import {
  authorize,
  authorizeUrl,
  CLI,
  decide,
  grantWith,
  provisionCli,
  signedIn,
  type Person,
} from "../fixtures/consent-flow";

/**
 * The decision endpoint enforces the personal consent's offer itself (rule 2 of the design): an
 * edited form is refused with the right status and words, and nothing is written: no consent,
 * no code, no audit event, and the request can still be answered.
 */
const db = setupSeededDatabase();

async function written(who: string) {
  const p = await principalOf(db().db, who);
  const [consents] = await db()
    .db.select({ n: count() })
    .from(s.personalConsents)
    .where(eq(s.personalConsents.subject, p.subject));
  const [codes] = await db().db.select({ n: count() }).from(s.authCodes).where(eq(s.authCodes.subject, p.subject));
  const [events] = await db()
    .db.select({ n: count() })
    .from(s.auditEvents)
    .where(and(eq(s.auditEvents.action, "ConsentApplication"), eq(s.auditEvents.accountId, p.accountId)));
  return { consents: consents!.n, codes: codes!.n, events: events!.n };
}

async function refused(person: Person, requestId: string, fields: [string, string][]) {
  const res = await decide(person, requestId, fields);
  const html = await res.text();
  return { status: res.status, location: res.headers.get("location"), html };
}

describe(`tampered personal consent decisions on ${process.env.TEST_DB}`, () => {
  it("refuses a scope the installation did not grant, a required scope unticked, and repeated fields", async () => {
    // Official CLI provisioned in globex without its optional /acs/ram.
    await provisionCli(db().db, "globex", [], ["carol"]);
    const person = await signedIn(db().db, "carol@globex");
    const { requestId } = await authorize(person, authorizeUrl(CLI));
    expect(requestId).not.toBeNull();

    const cases: { fields: [string, string][]; status: number; error: string; words: string }[] = [
      {
        fields: grantWith(["openid", "profile", "/acs/ram"]),
        status: 400,
        error: "invalid_scope",
        words: "These scopes cannot be granted to this application: /acs/ram.",
      },
      {
        fields: grantWith(["openid", "profile", "permissions"]),
        status: 400,
        error: "invalid_scope",
        words: "These scopes cannot be granted to this application: permissions.",
      },
      {
        fields: grantWith(["openid"]),
        status: 400,
        error: "invalid_scope",
        words: "The required scope cannot be deselected (profile). To deny it, cancel the request.",
      },
      {
        fields: grantWith(["openid", "profile", "openid"]),
        status: 400,
        error: "invalid_request",
        words: "The form sent the scope openid more than once.",
      },
      {
        fields: [["decision", "grant"], ["decision", "cancel"], ...grantWith(["openid", "profile"]).slice(1)],
        status: 400,
        error: "invalid_request",
        words: "The form sent decision more than once.",
      },
      {
        fields: [["request_id", requestId!], ...grantWith(["openid", "profile"])],
        status: 400,
        error: "invalid_request",
        words: "The form sent request_id more than once.",
      },
    ];
    for (const c of cases) {
      const answer = await refused(person, requestId!, c.fields);
      expect([answer.status, answer.location], c.words).toEqual([c.status, null]);
      expect(answer.html).toContain(`<code>${c.error}</code>`);
      expect(answer.html).toContain(c.words);
    }
    expect(await written("carol@globex")).toEqual({ consents: 0, codes: 0, events: 0 });

    // The untampered form still works: the request was not used up by the refused ones.
    const ok = await decide(person, requestId!, grantWith(["openid", "profile"]));
    expect(ok.status).toBe(303);
    expect(new URL(ok.headers.get("location")!).searchParams.has("code")).toBe(true);
    expect(await written("carol@globex")).toEqual({ consents: 1, codes: 1, events: 1 });
  });

  it("refuses a required scope unticked when an optional one is on (the offer with /acs/ram)", async () => {
    await provisionCli(db().db, "acme", ["/acs/ram"], ["alice"]);
    const person = await signedIn(db().db, "alice@acme");
    const { requestId } = await authorize(person, authorizeUrl(CLI));
    const answer = await refused(person, requestId!, grantWith(["/acs/ram"]));
    expect(answer.status).toBe(400);
    expect(answer.html).toContain("The required scope cannot be deselected (openid, profile).");
    expect(await written("alice@acme")).toEqual({ consents: 0, codes: 0, events: 0 });
  });
});
