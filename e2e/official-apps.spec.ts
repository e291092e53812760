import { expect, test, type Page } from "@playwright/test";
import { toast } from "./fixtures/toast";
import { signInOverHttp } from "./fixtures/auth";
import { OFFICIAL, pkce } from "./fixtures/official";

const MCP = OFFICIAL.mcp;
const { verifier: VERIFIER, challenge: CHALLENGE } = pkce("e2e-verifier-0123456789-abcdefghijklmnopqrstuvwxyz");
const authorizePath = `/oauth2/authorize?${new URLSearchParams({
  response_type: "code",
  client_id: MCP.clientId,
  redirect_uri: MCP.redirectUri,
  scope: "openid /acs/mcp-server profile",
  state: "mcp-state",
  code_challenge: CHALLENGE,
  code_challenge_method: "S256",
})}`;

/** The MCP server's loopback callback is not running in the test: answer it in the browser. */
async function catchCallback(page: Page) {
  await page.route("http://127.0.0.1:8766/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/plain", body: "MCP callback" }),
  );
}

async function personPage(browser: import("@playwright/test").Browser, login: string) {
  const page = await (await browser.newContext()).newPage();
  await signInOverHttp(page.request, login);
  await catchCallback(page);
  return page;
}

test.describe.serial("official applications: provision, assign, personal consent", () => {
  test("a plain RAM user sees no Provision button and gets 403 from the API", async ({ browser }) => {
    const page = await personPage(browser, "alice@acme.onaliyun.com");
    await page.goto("/integrations/oauth/third-party-apps");
    await expect(page.getByRole("heading", { name: "OAuth (Preview)" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Provision Official Application" })).toHaveCount(0);
    expect((await page.request.post(`/api/v1/official-apps/${MCP.clientId}/provision`, { data: {} })).status()).toBe(
      403,
    );
    expect(
      (
        await page.request.post(`/api/v1/third-party-apps/${MCP.clientId}/assignments`, { data: { assignees: [] } })
      ).status(),
    ).toBe(422);
    await page.context().close();
  });

  test("an administrator provisions OpenAPI MCP Server through the dialog", async ({ browser }) => {
    const page = await personPage(browser, "admin@acme.onaliyun.com");
    await page.goto("/integrations/oauth/third-party-apps");
    await page.getByRole("button", { name: "Provision Official Application" }).click();
    const dialog = page.getByRole("dialog", { name: "Provision Official Application" });
    await dialog.getByRole("radio", { name: new RegExp(MCP.name) }).check();
    await dialog.getByRole("checkbox", { name: /Profile/ }).check();
    await dialog.getByRole("button", { name: "OK" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(toast(page, `Application ${MCP.name} provisioned.`)).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: MCP.name });
    await expect(row).toContainText("Provisioned");
    await page.getByRole("button", { name: "Provision Official Application" }).click();
    await expect(page.getByRole("dialog").getByRole("radio", { name: new RegExp(MCP.name) })).toBeDisabled();
    await page.context().close();
  });

  test("an unassigned user is refused; once assigned, consents once, then goes straight through; unassigning kills the tokens", async ({
    browser,
  }) => {
    const bob = await personPage(browser, "bob@acme.onaliyun.com");
    await bob.goto(authorizePath);
    await expect(bob.getByRole("heading", { name: `You cannot use ${MCP.name}` })).toBeVisible();
    await bob.getByRole("button", { name: `Back to ${MCP.name}` }).click();
    await expect(bob).toHaveURL(/127\.0\.0\.1:8766\/callback\?error=access_denied/);

    const admin = await personPage(browser, "admin@acme.onaliyun.com");
    await admin.goto(`/integrations/oauth/third-party-apps/${MCP.clientId}`);
    await admin.getByRole("button", { name: "Create Assignment" }).click();
    const dialog = admin.getByRole("dialog", { name: "Create Assignment" });
    await dialog.getByLabel("Search users and groups").fill("bob");
    await dialog.getByRole("checkbox", { name: /bob@acme\.onaliyun\.com/ }).check();
    await dialog.getByRole("button", { name: "OK" }).click();
    await expect(toast(admin, "1 assignment created.")).toBeVisible();
    await expect(admin.getByRole("table", { name: "Assignments" })).toContainText("bob@acme.onaliyun.com");

    await bob.goto(authorizePath);
    await expect(bob.getByRole("heading", { name: `Authorize ${MCP.name} for yourself` })).toBeVisible();
    await bob.getByRole("button", { name: "Grant" }).click();
    await expect(bob).toHaveURL(/127\.0\.0\.1:8766\/callback\?code=/);

    const again = await bob.request.get(authorizePath, { maxRedirects: 0 });
    const code = new URL(again.headers()["location"]!).searchParams.get("code");
    expect(code, "straight through the second time").toBeTruthy();
    const token = await bob.request.post("/oauth2/token", {
      form: {
        grant_type: "authorization_code",
        code: code!,
        redirect_uri: MCP.redirectUri,
        client_id: MCP.clientId,
        code_verifier: VERIFIER,
      },
    });
    expect(token.status()).toBe(200);
    const { access_token } = await token.json();
    const headers = { authorization: `Bearer ${access_token}` };
    expect((await bob.request.get("/oauth2/userinfo", { headers })).status()).toBe(200);

    await admin.reload();
    await admin
      .getByRole("row")
      .filter({ hasText: "bob@acme.onaliyun.com" })
      .getByRole("button", { name: "Delete Assignment" })
      .click();
    await admin
      .getByRole("alertdialog", { name: "Delete Assignment" })
      .getByRole("button", { name: "Delete Assignment" })
      .click();
    await expect(toast(admin, "Assignment of bob@acme.onaliyun.com deleted.")).toBeVisible();
    await expect(admin.getByRole("table", { name: "Assignments" })).not.toContainText("bob@acme.onaliyun.com");
    expect((await bob.request.get("/oauth2/userinfo", { headers })).status()).toBe(401);
    await bob.context().close();
    await admin.context().close();
  });

  test("assigning a user group lets its members in, each after a personal consent", async ({ browser }) => {
    const admin = await personPage(browser, "admin@acme.onaliyun.com");
    await admin.goto(`/integrations/oauth/third-party-apps/${MCP.clientId}`);
    await admin.getByRole("button", { name: "Create Assignment" }).click();
    const dialog = admin.getByRole("dialog", { name: "Create Assignment" });
    await dialog.getByRole("checkbox", { name: /developers/ }).check();
    await dialog.getByRole("button", { name: "OK" }).click();
    await expect(admin.getByRole("table", { name: "Assignments" })).toContainText("developers");

    const alice = await personPage(browser, "alice@acme.onaliyun.com");
    await alice.goto(authorizePath);
    await expect(alice.getByRole("heading", { name: `Authorize ${MCP.name} for yourself` })).toBeVisible();
    await alice.getByRole("button", { name: "Grant" }).click();
    await expect(alice).toHaveURL(/127\.0\.0\.1:8766\/callback\?code=/);
    await alice.context().close();
    await admin.context().close();
  });
});
