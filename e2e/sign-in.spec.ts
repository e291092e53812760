import { expect, test } from "@playwright/test";
import { openAccountMenu, sessionCookieOf, signInOnPage, signInWithForm } from "./fixtures/auth";

test.describe("sign-in", () => {
  for (const [login, identity] of [
    ["owner@acme.example", "owner@acme.example"],
    ["admin@acme.onaliyun.com", "admin@acme.onaliyun.com"],
    ["alice@acme.onaliyun.com", "alice@acme.onaliyun.com"],
  ] as const) {
    test(`signs in as ${login}`, async ({ page }) => {
      await page.goto("/signin");
      await signInWithForm(page, login);
      await expect(page.getByTestId("identity")).toHaveText(identity);
      await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    });
  }

  test("refuses a wrong password with the generic message, and an unknown user with the same one", async ({ page }) => {
    await page.goto("/signin");
    await signInWithForm(page, "alice@acme.onaliyun.com", "wrong-password");
    await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText(
      "The logon name or password is incorrect.",
    );
    await signInWithForm(page, "nobody@nosuch.onaliyun.com", "wrong-password");
    await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText(
      "The logon name or password is incorrect.",
    );
    await expect(page).toHaveURL(/\/signin/);
  });

  test("empty fields get field messages, not the wrong-password message, with and without JavaScript", async ({
    page,
    browser,
  }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Logon name or e-mail")).toHaveAccessibleDescription(
      "Enter your logon name or e-mail.",
    );
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Enter your password.");
    await expect(page.getByLabel("Logon name or e-mail")).toBeFocused();
    await expect(page.getByText("incorrect")).toHaveCount(0);

    const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await noScript.goto("/signin?callbackUrl=%2Fidentities%2Fusers");
    await noScript.getByLabel("Logon name or e-mail").fill("alice@acme.onaliyun.com");
    await noScript.getByRole("button", { name: "Sign in" }).click();
    await expect(noScript).toHaveURL(/\/signin\?missing=password&callbackUrl=%2Fidentities%2Fusers$/);
    await expect(noScript.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
    await expect(noScript.getByLabel("Password")).toHaveAccessibleDescription("Enter your password.");
    await expect(noScript.getByText("Enter your logon name or e-mail.")).toHaveCount(0);
    await expect(noScript.getByText("incorrect")).toHaveCount(0);
    await noScript.context().close();
  });

  test("a signed-out visit to a console page lands on sign-in and returns there", async ({ page }) => {
    await page.goto("/identities/users");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fidentities%2Fusers/);
    await signInWithForm(page, "bob@acme.onaliyun.com");
    await expect(page).toHaveURL(/\/identities\/users$/);
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  });

  test("switches to a role and back, then signs out", async ({ page }) => {
    await signInOnPage(page, "alice@acme.onaliyun.com");
    await openAccountMenu(page);
    await page.getByRole("menuitem", { name: "Switch role: auditor" }).click();
    await expect(page.getByTestId("identity")).toHaveText("auditor/alice@acme.onaliyun.com");
    // The role's ReadOnlyAccess lets the role session read users.
    await page.goto("/identities/users");
    await expect(page.getByRole("link", { name: "bob@acme.onaliyun.com" })).toBeVisible();
    await openAccountMenu(page);
    await page.getByRole("menuitem", { name: /Back to alice/ }).click();
    await expect(page.getByTestId("identity")).toHaveText("alice@acme.onaliyun.com");
    await openAccountMenu(page);
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/identities/users");
    await expect(page).toHaveURL(/\/signin/);
  });
});

test("throttles repeated failures for one logon name with 429, Retry-After and a clear message", async ({ page }) => {
  const login = `ghost${Date.now() % 100000}@acme.onaliyun.com`;
  let last = 0;
  let retryAfter: string | undefined;
  for (let i = 0; i < 11; i++) {
    const res = await page.request.post("/api/auth/sign-in", { form: { login, password: "wrong" }, maxRedirects: 0 });
    last = res.status();
    retryAfter = res.headers()["retry-after"];
  }
  expect(last).toBe(429);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  await page.goto("/signin");
  await signInWithForm(page, login, "wrong");
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(
    "Too many sign-in attempts. Wait a few minutes and try again.",
  );
});

test("the session cookie is HttpOnly and SameSite=Lax, and sign-out ends the session on the server", async ({
  page,
}) => {
  await signInOnPage(page, "bob@acme.onaliyun.com");
  const cookie = await sessionCookieOf(page);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await openAccountMenu(page);
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  // The old cookie, replayed, no longer works: the server ended the session.
  const replay = await page.request.get("/api/v1/session", {
    headers: { cookie: `next-auth.session-token=${cookie.value}` },
  });
  expect(replay.status()).toBe(401);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts to the server, signs in, and no password is ever in a URL", async ({ page }) => {
    const urls: string[] = [];
    page.on("request", (r) => void urls.push(r.url()));
    await page.goto("/identities/users");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fidentities%2Fusers/);
    await signInWithForm(page, "bob@acme.onaliyun.com", "wrong-Passw0rd");
    await expect(page.getByRole("alert")).toHaveText("The logon name or password is incorrect.");
    await signInWithForm(page, "bob@acme.onaliyun.com");
    await expect(page).toHaveURL(/\/identities\/users$/);
    await expect(page.getByTestId("identity")).toHaveText("bob@acme.onaliyun.com");
    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) {
      expect(url).not.toContain("Passw0rd");
      expect(url).not.toContain("password=");
    }
  });

  test("prompt=login shows the form to a signed-in person and the new sign-in replaces the session", async ({
    page,
  }) => {
    await signInOnPage(page, "alice@acme.onaliyun.com");
    const before = await sessionCookieOf(page);
    // Without prompt=login a signed-in person goes straight on.
    await page.goto("/signin?callbackUrl=%2Fidentities%2Fusers");
    await expect(page).toHaveURL(/\/identities\/users$/);
    await page.goto("/signin?callbackUrl=%2Fidentities%2Fusers&prompt=login");
    await expect(page.getByText("Sign in again to continue.")).toBeVisible();
    await signInWithForm(page, "alice@acme.onaliyun.com");
    await expect(page).toHaveURL(/\/identities\/users$/);
    const after = await sessionCookieOf(page);
    expect(after.value).not.toBe(before.value);
    const replay = await page.request.get("/api/v1/session", {
      headers: { cookie: `next-auth.session-token=${before.value}` },
    });
    expect(replay.status()).toBe(401);
  });

  test("a tab, CR/LF or NUL in callbackUrl answers the sign-in page with the safe default", async ({ page }) => {
    for (const bad of ["/%09/evil.example", "/%0d%0a/evil.example", "/%00", "%2F%5Cevil.example"]) {
      const res = await page.goto(`/signin?callbackUrl=${bad}`);
      expect(res!.status(), bad).toBe(200);
      await expect(page.locator('input[name="callbackUrl"]')).toHaveValue("/");
    }
  });
});
