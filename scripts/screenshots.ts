/**
 * Refreshes the screenshots in docs/ from a running console with the demo data (a fresh
 * `npm start`): the consent screen, the Third-party Applications list and an application's detail
 * page, each at desktop (1366 px) and phone (390 px) width, and the "ask an administrator" page;
 * the consent screen (asked with `ui_locales=zh-CN`) and the list again in Simplified Chinese.
 *
 *   npm run screenshots -- --base-url http://localhost:3000
 *
 * It installs Insight Dashboard in acme through its consent screen (as admin@acme.onaliyun.com):
 * the list needs a row. The demo application itself need not run; its callback is answered here.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser, type Page } from "@playwright/test";
import { DEMO_CLIENT, DEMO_PASSWORD } from "@/db/seed";
import { authorizePath, pkce } from "../e2e/fixtures/official";

const { values } = parseArgs({ options: { "base-url": { type: "string", default: "http://localhost:3000" } } });
const BASE = values["base-url"]!;
const DOCS = path.join(import.meta.dirname, "..", "docs");
const LIST = "/integrations/oauth/third-party-apps";
const WIDTHS = { desktop: 1366, phone: 390 } as const;
const VERIFIER = "screenshots-verifier-0123456789-abcdefghijklmnop";

const authorizeUrl = authorizePath(DEMO_CLIENT, {
  scope: "openid profile aliuid permissions /acs/ram",
  state: "screenshot",
  challenge: pkce(VERIFIER).challenge,
});

async function signedIn(browser: Browser, login: string, width: number, locale = "en-US"): Promise<Page> {
  const context = await browser.newContext({
    baseURL: BASE,
    viewport: { width, height: 800 },
    deviceScaleFactor: 1,
    locale,
  });
  const page = await context.newPage();
  const res = await page.request.post("/api/auth/sign-in", {
    form: { login, password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  if (res.status() !== 303) throw new Error(`sign-in of ${login}: HTTP ${res.status()}`);
  await page.route(`${DEMO_CLIENT.redirectUri}**`, (route) => route.fulfill({ body: "Signed in" }));
  return page;
}

async function grantAndExchange(page: Page) {
  const callback = page.waitForRequest((r) => r.url().startsWith(DEMO_CLIENT.redirectUri));
  await page.getByRole("button", { name: "Grant" }).click();
  const code = new URL((await callback).url()).searchParams.get("code");
  const token = await page.request.post("/oauth2/token", {
    form: {
      grant_type: "authorization_code",
      code: code ?? "",
      redirect_uri: DEMO_CLIENT.redirectUri,
      client_id: DEMO_CLIENT.clientId,
      client_secret: DEMO_CLIENT.clientSecret,
      code_verifier: VERIFIER,
    },
  });
  if (!token.ok()) throw new Error(`token exchange: HTTP ${token.status()} ${await token.text()}`);
}

async function shoot(page: Page, name: string, fullPage = true) {
  // LocalTime switches to the viewer's zone after hydration: wait for the network and fonts to settle.
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(DOCS, `${name}.png`), fullPage });
  console.log(`docs/${name}.png`);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
try {
  for (const [device, width] of Object.entries(WIDTHS)) {
    const admin = await signedIn(browser, "admin@acme.onaliyun.com", width);
    await admin.goto(authorizeUrl);
    const grant = admin.getByRole("button", { name: "Grant" });
    if (await grant.isVisible()) {
      await shoot(admin, `consent-${device}`);
      // OIDC Core §3.1.2.1: the application asks for the language; the browser prefers English.
      await admin.goto(`${authorizeUrl}&ui_locales=zh-CN`);
      await shoot(admin, `consent-${device}-zh`);
      await admin.goto(authorizeUrl);
      // Installed once, at the last width; the code is exchanged so that the list shows a use of it.
      if (device === "phone") await grantAndExchange(admin);
    }
    await admin.context().close();
  }
  for (const [device, width] of Object.entries(WIDTHS)) {
    const admin = await signedIn(browser, "admin@acme.onaliyun.com", width);
    await admin.goto(LIST);
    await shoot(admin, `console-list-${device}`);
    await admin.goto(`${LIST}/${DEMO_CLIENT.clientId}`);
    await shoot(admin, `console-detail-${device}`);
    if (device === "phone") {
      await admin.getByRole("button", { name: "Menu", exact: true }).click();
      await shoot(admin, "console-menu-phone", false);
    }
    await admin.context().close();
  }
  const chinese = await signedIn(browser, "admin@acme.onaliyun.com", 1366, "zh-CN");
  await chinese.goto(LIST);
  await shoot(chinese, "console-list-desktop-zh");
  await chinese.context().close();
  const carol = await signedIn(browser, "carol@globex.onaliyun.com", 1366);
  await carol.goto(authorizeUrl);
  await shoot(carol, "ask-administrator");
  await carol.context().close();
} finally {
  await browser.close();
}
