import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { approvalRequestEndpoint } from "@/lib/oauth/approval-request-endpoint";
import { consentPageEndpoint } from "@/lib/oauth/consent-page";
import { consentCsrfToken } from "@/lib/oauth/consent-requests";
import { APPROVAL_REQUEST_LIMIT } from "@/lib/apps/request-approval";
import { setupSeededDatabase } from "../fixtures/db";
import { authorize, authorizeUrl, consentPage, ISSUER, signedIn, type Person } from "../fixtures/consent-flow";
import { createClient } from "../fixtures/oauth-fixtures";
import { callerHeaders, send } from "../fixtures/route-cases";

/**
 * The ask-an-administrator page's Request approval (issue 16, item 2), over the plain handlers: a
 * no-script form bound to the session and the consent request, "request sent", then what the
 * person sees the next time they open the application: approved (the flow goes on) or denied.
 */
const db = setupSeededDatabase();

function post(person: Person | null, requestId: string, fields: [string, string][], csrf?: string) {
  const body = new URLSearchParams([
    ["csrf_token", csrf ?? (person ? consentCsrfToken(person.sid, requestId) : "x")],
    ...fields,
  ]);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (person) headers.cookie = person.cookie;
  return approvalRequestEndpoint(
    new Request(`${ISSUER}/oauth2/consent/${requestId}/approval-request`, { method: "POST", headers, body }),
  );
}

async function askAdminPage(who: string, scope = "openid profile") {
  const app = await createClient(db().db, "WebApp", ["openid", "profile", "aliuid"]);
  const person = await signedIn(db().db, who);
  const { requestId } = await authorize(person, authorizeUrl(app, { scope }));
  return { app, person, requestId: requestId! };
}

const answer = async (action: "approve" | "deny", requestId: string, body: unknown) =>
  send(
    `POST /approval-requests/[requestId]/${action}`,
    { params: { requestId }, body },
    await callerHeaders(db().db, "admin", { bearer: "", narrow: "" }),
  );

describe(`Request approval on the consent page, on ${process.env.TEST_DB}`, () => {
  it("is a plain form on the ask-an-administrator page; sending it shows that the request was sent", async () => {
    const { person, requestId } = await askAdminPage("alice@acme");
    const page = await consentPage(person, requestId);
    expect(page.html).toContain("Ask an administrator to authorize");
    expect(page.html).toMatch(
      new RegExp(`<form class="request"[^>]* action="/oauth2/consent/${requestId}/approval-request" method="post">`),
    );
    expect(page.html).toContain(`value="${consentCsrfToken(person.sid, requestId)}"`);
    expect(page.html).not.toContain("<script");
    const zh = await consentPageEndpoint(
      new Request(`${ISSUER}/oauth2/consent/${requestId}`, {
        headers: { cookie: person.cookie, "accept-language": "zh-CN,zh;q=0.9" },
      }),
    );
    expect(await zh.text()).toContain("申请授权</button>");

    const sent = await post(person, requestId, [
      ["reason", "Weekly cost report"],
      ["lang", "en"],
    ]);
    expect([sent.status, sent.headers.get("location")]).toEqual([303, `/oauth2/consent/${requestId}?lang=en`]);
    const after = await consentPage(person, requestId);
    expect(after.html).toContain("<h2>Approval requested for Test WebApp");
    expect(after.html).not.toContain('class="request"');
    const [requester] = await db()
      .db.select()
      .from(s.approvalRequesters)
      .where(eq(s.approvalRequesters.reason, "Weekly cost report"));
    expect(requester).toMatchObject({ label: "alice@acme.onaliyun.com", scopes: ["openid", "profile"] });
  });

  it("refuses a form without its CSRF token, from another session, edited, or not a POST; nothing recorded", async () => {
    const { app, person, requestId } = await askAdminPage("bob@acme");
    const other = await signedIn(db().db, "bob@acme");
    expect((await post(person, requestId, [], "forged")).status).toBe(403);
    expect((await post(other, requestId, [])).status).toBe(409);
    expect(
      (
        await post(person, requestId, [
          ["reason", "a"],
          ["reason", "b"],
        ])
      ).status,
    ).toBe(400);
    expect((await post(person, requestId, [["scope", "/acs/ram"]])).status).toBe(400);
    expect((await post(null, requestId, [])).status).toBe(401);
    const get = await approvalRequestEndpoint(new Request(`${ISSUER}/oauth2/consent/${requestId}/approval-request`));
    expect(get.status).toBe(405);
    expect(await db().db.select().from(s.approvalRequests).where(eq(s.approvalRequests.applicationId, app.id))).toEqual(
      [],
    );
  });

  it("approved: the next time the person opens the application the flow goes on with a code", async () => {
    const { app, person, requestId } = await askAdminPage("alice@acme");
    await post(person, requestId, []);
    const [request] = await db()
      .db.select()
      .from(s.approvalRequests)
      .where(eq(s.approvalRequests.applicationId, app.id));
    const res = await answer("approve", request!.id, { scopes: [] });
    expect(res.status).toBe(200);
    // The optional profile was asked for and is not chosen: the required openid only.
    expect(await res.json()).toMatchObject({ scopes: ["openid"] });
    // The page left open leads on; a new authorization request issues a code at once.
    const open = await consentPage(person, requestId);
    expect(open.html).toContain("admin@acme.onaliyun.com approved your request");
    const again = await authorize(person, authorizeUrl(app, { scope: "openid profile" }));
    expect(new URL(again.location).searchParams.get("code")).toBeTruthy();
  });

  it("denied: the next time the person sees the reason, and may ask again", async () => {
    const { app, person, requestId } = await askAdminPage("alice@acme");
    await post(person, requestId, [["reason", "Need it"]]);
    const [request] = await db()
      .db.select()
      .from(s.approvalRequests)
      .where(eq(s.approvalRequests.applicationId, app.id));
    expect((await answer("deny", request!.id, { reason: "Use the <b>official</b> CLI." })).status).toBe(200);
    const next = await authorize(person, authorizeUrl(app, { scope: "openid profile" }));
    const page = await consentPage(person, next.requestId!);
    expect(page.html).toContain("was not approved");
    expect(page.html).toContain("admin@acme.onaliyun.com denied your request");
    expect(page.html).toContain("Reason: Use the &lt;b&gt;official&lt;/b&gt; CLI.");
    expect(page.html).toContain("Request approval again");
    expect((await post(person, next.requestId!, [])).status).toBe(303);
    expect((await consentPage(person, next.requestId!)).html).toContain("Approval requested for");
  });

  it("an administrator who opens the form's address goes back to the consent page; too many requests: a 429 page", async () => {
    const admin = await askAdminPage("admin@acme");
    expect((await post(admin.person, admin.requestId, [])).status).toBe(303);
    expect(
      await db().db.select().from(s.approvalRequests).where(eq(s.approvalRequests.applicationId, admin.app.id)),
    ).toEqual([]);

    const { person, requestId } = await askAdminPage("carol@globex");
    for (let i = 0; i < APPROVAL_REQUEST_LIMIT.limit; i++) expect((await post(person, requestId, [])).status).toBe(303);
    const refused = await post(person, requestId, []);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Too many requests for approval");
    // The form's language (its `lang`) is the answer's.
    const zh = await post(person, requestId, [["lang", "zh-CN"]]);
    expect(await zh.text()).toContain("授权申请过于频繁");
  });
});
