import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInOverHttp, signInWithForm } from "./fixtures/auth";
import { OFFICIAL, pkce } from "./fixtures/official";

// Official CLI and Cloud Shell in acme: no other spec installs them there (no-secrets provisions Official CLI in globex).
const { cli: CLI, shell: SHELL } = OFFICIAL;
const { verifier: VERIFIER, challenge: CHALLENGE } = pkce("e2e-personal-consent-verifier-0123456789-abcdefghij");

const authorizePath = (app: { clientId: string; redirectUri: string }, scope: string) =>
  `/oauth2/authorize?${new URLSearchParams({
    response_type: "code",
    client_id: app.clientId,
    redirect_uri: app.redirectUri,
    scope,
    state: "pc-state",
    code_challenge: CHALLENGE,
    code_challenge_method: "S256",
  })}`;

/** A signed-in person whose applications' callbacks (not running here) answer in the browser. */
async function person(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInOverHttp(page.request, login);
  for (const url of ["http://127.0.0.1:12345/**", "https://shell.example.com/**"]) {
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: "text/plain", body: "callback" }));
  }
  return page;
}

test.describe.serial("personal consent: the scope choice, and where the consent pages lead", () => {
  test("an unassigned administrator is told to assign themselves, with the link, and does so", async ({ browser }) => {
    const admin = await person(browser, "admin@acme.onaliyun.com");
    const provisioned = await admin.request.post(`/api/v1/official-apps/${CLI.clientId}/provision`, {
      data: { optionalScopes: ["/acs/ram"] },
    });
    expect(provisioned.status()).toBe(201);
    await admin.goto(authorizePath(CLI, "openid profile /acs/ram"));
    await expect(admin.getByRole("heading", { name: `You cannot use ${CLI.name}` })).toBeVisible();
    await expect(admin.getByText("As an administrator, you can assign yourself")).toBeVisible();
    await expect(admin.getByText("Ask an administrator")).toHaveCount(0);
    await admin.getByRole("link", { name: `Assign yourself to ${CLI.name}` }).click();
    await expect(admin).toHaveURL(new RegExp(`/integrations/oauth/third-party-apps/${CLI.clientId}$`));
    // The page arrives whole (no streaming): wait for its scripts, or the click lands before hydration.
    await admin.waitForLoadState("load");
    await admin.getByRole("button", { name: "Create Assignment" }).click();
    const dialog = admin.getByRole("dialog", { name: "Create Assignment" });
    await dialog.getByLabel("Search users and groups").fill("bob");
    await dialog.getByRole("checkbox", { name: /bob@acme\.onaliyun\.com/ }).check();
    await dialog.getByRole("button", { name: "OK" }).click();
    await expect(admin.getByRole("table", { name: "Assignments" })).toContainText("bob@acme.onaliyun.com");
    await admin.context().close();
  });

  test("an assigned RAM user sees the optional switch, leaves /acs/ram off, and gets a token without it", async ({
    browser,
    playwright,
    baseURL,
  }) => {
    const bob = await person(browser, "bob@acme.onaliyun.com");
    await bob.goto(authorizePath(CLI, "openid profile /acs/ram"));
    await expect(bob.getByRole("heading", { name: `Authorize ${CLI.name} for yourself` })).toBeVisible();
    const required = bob.getByRole("group", { name: "Required scope" });
    for (const name of [/OpenID/, /Profile/]) {
      await expect(required.getByRole("checkbox", { name })).toBeChecked();
      await expect(required.getByRole("checkbox", { name })).toBeDisabled();
    }
    const ram = bob.getByRole("group", { name: "Optional scope" }).getByRole("switch", { name: /Resource Access/ });
    await expect(ram).not.toBeChecked();
    await expect(bob.getByText("the application uses your identity to access Alibaba Cloud resources")).toBeVisible();
    await bob.getByRole("button", { name: "Grant" }).click();
    await expect(bob).toHaveURL(/127\.0\.0\.1:12345\/cli\/callback\?code=/);

    const code = new URL(bob.url()).searchParams.get("code")!;
    const token = await bob.request.post("/oauth2/token", {
      form: {
        grant_type: "authorization_code",
        code,
        redirect_uri: CLI.redirectUri,
        client_id: CLI.clientId,
        code_verifier: VERIFIER,
      },
    });
    expect(token.status()).toBe(200);
    const { access_token, scope } = await token.json();
    expect(scope).toBe("openid profile");
    const api = await playwright.request.newContext({ baseURL });
    const headers = { authorization: `Bearer ${access_token}` };
    expect((await api.get("/oauth2/userinfo", { headers })).status()).toBe(200);
    // Without /acs/ram the token cannot call the console API (RFC 6750 §3.1 insufficient_scope).
    expect((await api.get("/api/v1/users", { headers })).status()).toBe(403);
    await api.dispose();
    await bob.context().close();
  });

  test("the session-ended page signs in again and continues; Back on ask-an-administrator says why; the no-longer-valid page leads back", async ({
    browser,
  }) => {
    const alice = await person(browser, "alice@acme.onaliyun.com");
    await alice.goto(authorizePath(SHELL, "openid profile"));
    await expect(alice.getByRole("heading", { name: `Ask an administrator to authorize ${SHELL.name}` })).toBeVisible();

    await alice.context().clearCookies();
    await alice.getByRole("button", { name: `Back to ${SHELL.name}` }).click();
    await expect(alice.getByRole("heading", { name: "Your console session has ended" })).toBeVisible();
    await alice.getByRole("link", { name: "Sign in again" }).click();
    await signInWithForm(alice, "alice@acme.onaliyun.com");
    await expect(alice.getByRole("heading", { name: `Ask an administrator to authorize ${SHELL.name}` })).toBeVisible();
    const consentUrl = alice.url();

    await alice.getByRole("button", { name: `Back to ${SHELL.name}` }).click();
    await expect(alice).toHaveURL(/shell\.example\.com\/callback\?error=access_denied/);
    expect(new URL(alice.url()).searchParams.get("error_description")).toBe(
      "The application is not installed in this account, and only the Alibaba Cloud account or a RAM administrator can install it.",
    );

    await alice.goto(consentUrl);
    await expect(alice.getByRole("heading", { name: "This authorization request is no longer valid" })).toBeVisible();
    await alice.getByRole("link", { name: `Back to ${SHELL.name}` }).click();
    await expect(alice).toHaveURL("https://shell.example.com/");
    await alice.context().close();
  });
});
