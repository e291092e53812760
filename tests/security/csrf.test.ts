import { describe, expect, it } from "vitest";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { CASES, ISSUER, send, UNSAFE, type Call } from "../fixtures/route-cases";
import { snapshot } from "../fixtures/security-targets";

const db = setupSeededDatabase();

/** Every state-changing console request (the console API's POST/PUT/PATCH/DELETE). */
const WRITES = Object.keys(CASES).filter((k) => UNSAFE.has(k.split(" ")[0]!));

/**
 * Cross-site requests that carry the administrator's valid session cookie, as a browser would send
 * them from another site: lib/api/handler.ts refuses each with 403 before the route runs.
 */
const ATTACKS: { what: string; headers: Record<string, string>; form?: "urlencoded" | "text" | "multipart" }[] = [
  { what: "a cross-site Origin", headers: { origin: "https://evil.example" } },
  { what: "Origin: null (sandboxed frame, data: URL)", headers: { origin: "null" } },
  { what: "a look-alike Origin (other port)", headers: { origin: "http://localhost:3001" } },
  { what: "Sec-Fetch-Site: cross-site without Origin", headers: { "sec-fetch-site": "cross-site" } },
  {
    what: "Sec-Fetch-Site: same-site without Origin (a sibling subdomain)",
    headers: { "sec-fetch-site": "same-site" },
  },
  {
    what: "a cross-site Origin with a JSON body and Sec-Fetch-Site: same-origin",
    headers: { origin: "https://evil.example", "sec-fetch-site": "same-origin" },
  },
];
/** What an HTML form can send cross-site without a CORS preflight, without Origin (old browsers, privacy extensions). */
const FORMS: { what: string; type: string; body: string }[] = [
  { what: "a form-encoded body", type: "application/x-www-form-urlencoded", body: "name=evil&userId=x" },
  { what: "a text/plain form body holding JSON", type: "text/plain", body: '{"name":"evil"}' },
  {
    what: "a multipart form body",
    type: "multipart/form-data; boundary=x",
    body: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nevil\r\n--x--\r\n',
  },
];

describe(`CSRF on every state-changing console request, on ${process.env.TEST_DB}`, () => {
  it("covers at least the 27 writes of the API", () => {
    expect(WRITES.length).toBeGreaterThanOrEqual(27);
  });

  it.each(WRITES)("%s: refused with 403 from another site, nothing changed", async (key) => {
    const d = db().db;
    const { cookie } = await sessionCookieFor(d, await principalOf(d, "admin@acme"));
    const method = key.split(" ")[0]!;
    const calls: { what: string; call: Call; headers: Record<string, string>; body: string | undefined }[] = [];
    for (const attack of ATTACKS)
      calls.push({
        what: attack.what,
        call: await CASES[key]!(d),
        headers: { cookie, ...attack.headers },
        body: undefined,
      });
    if (method !== "DELETE") {
      for (const f of FORMS)
        calls.push({
          what: f.what,
          call: await CASES[key]!(d),
          headers: { cookie, "content-type": f.type },
          body: f.body,
        });
    }
    const before = await snapshot(d);
    const results: Record<string, string> = {};
    for (const c of calls) {
      const res = await send(key, c.call, c.headers, c.body);
      const body = (await res.json()) as { error?: string; message?: string };
      results[c.what] = `${res.status} ${body.error} ${body.message}`;
    }
    expect(await snapshot(d)).toEqual(before);
    expect(results).toEqual(
      Object.fromEntries(calls.map((c) => [c.what, "403 forbidden Cross-site request refused."])),
    );
  });

  it("lets the same requests through from the console itself (Origin of the console, or a JSON client without Origin)", async () => {
    const d = db().db;
    const { cookie } = await sessionCookieFor(d, await principalOf(d, "admin@acme"));
    const ok = await send("POST /groups", await CASES["POST /groups"]!(d), {
      cookie,
      origin: ISSUER,
      "sec-fetch-site": "same-origin",
    });
    expect(ok.status).toBe(201);
    const cli = await send("POST /groups", await CASES["POST /groups"]!(d), { cookie });
    expect(cli.status).toBe(201);
    const del = await send("DELETE /users/[userId]", await CASES["DELETE /users/[userId]"]!(d), {
      cookie,
      "sec-fetch-site": "none",
    });
    expect(del.status).toBe(204);
  });
});
