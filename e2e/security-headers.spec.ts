import { expect, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/auth";

function scriptSrc(csp: string): string {
  return (
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? ""
  );
}

test("sign-in, console and consent pages refuse framing and carry a nonce-based CSP without unsafe-inline scripts", async ({
  page,
}) => {
  const signin = await page.request.get("/signin");
  await signInOverHttp(page.request, "admin@acme.onaliyun.com");
  const users = await page.request.get("/identities/users");
  const authorize = await page.request.get(
    "/oauth2/authorize?response_type=code&client_id=4000000000000000003&redirect_uri=https%3A%2F%2Fshell.example.com%2Fcallback&scope=openid%20profile&state=x" +
      "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256",
    { maxRedirects: 0 },
  );
  expect(authorize.status()).toBe(302);
  const consent = await page.request.get(authorize.headers()["location"]!);
  expect(await consent.text()).toContain("Grant");
  // The consent screen runs no script at all: its policy allows none.
  const consentCsp = consent.headers()["content-security-policy"]!;
  expect(consent.headers()["x-frame-options"]).toBe("DENY");
  expect(consentCsp).toContain("default-src 'none'");
  expect(consentCsp).toContain("frame-ancestors 'none'");
  expect(consentCsp).not.toContain("script-src");
  expect(await consent.text()).not.toMatch(/<script\b/);

  for (const res of [signin, users]) {
    const h = res.headers();
    expect(h["x-frame-options"]).toBe("DENY");
    const csp = h["content-security-policy"]!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(scriptSrc(csp)).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc(csp)).not.toContain("unsafe-inline");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const html = await res.text();
    // Every script tag Next.js rendered carries this request's nonce.
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
});
