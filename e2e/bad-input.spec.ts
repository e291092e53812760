import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInOverHttp } from "./fixtures/auth";
import { expectNoAxeViolations } from "./fixtures/axe";

/** Dynamic route segments with a %-sequence that does not decode (Next.js itself answered these with a 500). */
const API_PATHS = [
  "/oauth2/consent/%zz",
  "/oauth2/consent/%E0%A4%A",
  "/api/v1/users/%zz",
  "/api/v1/apps/%zz/scopes/%zz",
  "/api/v1/third-party-apps/%zz",
  "/api/auth/%zz",
];
const PAGE_PATHS = [
  "/identities/users/%zz",
  "/identities/groups/%E0%A4%A",
  "/identities/roles/%",
  "/integrations/oauth/third-party-apps/%zz",
  "/integrations/oauth/enterprise-apps/%ff",
];

async function expectNotFound(request: APIRequestContext, path: string, headers: Record<string, string>, who: string) {
  const res = await request.get(path, { headers, maxRedirects: 0 });
  expect(res.status(), `${who} ${path}`).toBe(404);
  const type = res.headers()["content-type"] ?? "";
  if (path.startsWith("/api/")) {
    expect(type, path).toContain("application/json");
    expect((await res.json()).error, path).toBe("not_found");
  } else {
    expect(type, path).toContain("text/html");
    expect(await res.text(), path).not.toMatch(/<script\b/);
  }
}

test("a malformed %-sequence in a route segment answers 404, never 500, signed out, with any session cookie, and signed in", async ({
  page,
  playwright,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (const path of [...API_PATHS, ...PAGE_PATHS]) {
    await expectNotFound(anonymous, path, {}, "signed out");
    await expectNotFound(anonymous, path, { cookie: "next-auth.session-token=anything" }, "made-up session cookie");
  }
  await anonymous.dispose();

  await signInOverHttp(page.request, "admin@acme.onaliyun.com");
  for (const path of [...API_PATHS, ...PAGE_PATHS]) await expectNotFound(page.request, path, {}, "signed in");
  // The same routes with well-formed values still reach their handlers (and the API keeps no CSP).
  const user = await page.request.get("/api/v1/users/%41");
  expect(user.status()).toBe(404);
  expect(user.headers()["content-security-policy"]).toBeUndefined();
  // The API's bodies do not pass through the proxy (which would keep only 64 KiB of them): its own limit answers.
  const big = await page.request.post("/api/v1/groups", {
    headers: { "content-type": "application/json", origin: new URL(test.info().project.use.baseURL!).origin },
    data: JSON.stringify({ name: "g", description: "x".repeat(2_000_000) }),
  });
  expect([big.status(), (await big.json()).error]).toEqual([413, "payload_too_large"]);
  // A 300 KB body under the API's limit arrives whole (a cut one would not be valid JSON).
  const whole = await page.request.post("/api/v1/groups", {
    headers: { "content-type": "application/json", origin: new URL(test.info().project.use.baseURL!).origin },
    data: JSON.stringify({ name: "g", description: "x".repeat(300_000) }),
  });
  expect(whole.status()).not.toBe(500);
  expect((await whole.json()).message).not.toBe("The request body is not valid JSON.");
  const consent = await page.request.get("/oauth2/consent/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  expect(consent.status()).toBe(410); // the handler answered: an unknown consent request is gone
  expect(consent.headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("next-auth's endpoints answer a non-form sign-out body and a javascript: callback-url cookie without a 500", async ({
  playwright,
}) => {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const json = await request.post("/api/auth/signout", {
    headers: { "content-type": "application/json" },
    data: "password=hunter2",
  });
  expect(json.status()).toBe(415);
  expect(await json.text()).not.toContain("hunter2");
  for (const name of ["next-auth.callback-url", "__Secure-next-auth.callback-url"]) {
    for (const action of ["session", "csrf", "providers"]) {
      const res = await request.get(`/api/auth/${action}`, { headers: { cookie: `${name}=javascript:alert(1)` } });
      expect(res.status(), `${action} ${name}`).toBe(200);
    }
  }
  await request.dispose();
});

test("the 404 page of a malformed path looks like the protocol pages, speaks the browser's language and has no axe violations", async ({
  browser,
}) => {
  for (const [locale, heading] of [
    ["en-US", "Not found"],
    ["zh-CN", "页面不存在"],
  ] as const) {
    for (const width of [1366, 390]) {
      const context = await browser.newContext({ locale, viewport: { width, height: 800 } });
      const page = await context.newPage();
      const res = await page.goto("/identities/users/%zz");
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      // The stylesheet applies (its card is narrower than the screen on a desktop, and never wider than it).
      expect(await page.evaluate(() => getComputedStyle(document.querySelector(".card")!).backgroundColor)).toBe(
        "rgb(255, 255, 255)",
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      await expectNoAxeViolations(page, `the 404 page in ${locale} at ${width} px`);
      await context.close();
    }
  }
});
