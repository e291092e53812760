import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test, type Browser } from "@playwright/test";
import { hostMetadata, TestProvider } from "../tests/fixtures/mcp-provider";
import { signInOverHttp } from "./fixtures/auth";

const MCP = "4000000000000000001";
const CALLBACK = "http://127.0.0.1:47123/callback";
const mcpUrl = () => new URL("/mcp", test.info().project.use.baseURL);
const transport = (provider: TestProvider) => new StreamableHTTPClientTransport(mcpUrl(), { authProvider: provider });

async function personPage(browser: Browser, login: string) {
  const page = await (await browser.newContext()).newPage();
  await signInOverHttp(page.request, login);
  // The host's loopback callback is not running here: the browser's answer is caught instead.
  await page.route("http://127.0.0.1:47123/**", (route) => route.fulfill({ status: 200, body: "MCP host callback" }));
  return page;
}

/** The real SDK client discovers, registers dynamically and hands over the authorization URL. */
async function startHost(name: string) {
  const provider = new TestProvider(CALLBACK, hostMetadata(CALLBACK, name));
  const client = new Client({ name: "e2e-host", version: "1.0.0" });
  const error = await client.connect(transport(provider)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UnauthorizedError);
  return provider;
}

test.describe.serial("OpenAPI MCP Server: an MCP host connects as the person (globex)", () => {
  test("the administrator provisions it and assigns carol", async ({ browser }) => {
    const admin = await personPage(browser, "admin@globex.onaliyun.com");
    expect((await admin.request.post(`/api/v1/official-apps/${MCP}/provision`, { data: {} })).status()).toBe(201);
    const users = await (await admin.request.get("/api/v1/users?search=carol")).json();
    const carol = users.items.find((u: { name: string }) => u.name === "carol");
    const assign = await admin.request.post(`/api/v1/third-party-apps/${MCP}/assignments`, {
      data: { assignees: [{ principalType: "user", principalId: carol.id }] },
    });
    expect(assign.status()).toBe(201);
    await admin.context().close();
  });

  test("carol consents in Chromium; the SDK client lists and calls tools as carol", async ({ browser }) => {
    const provider = await startHost("E2E Desktop Host");
    const carol = await personPage(browser, "carol@globex.onaliyun.com");
    await carol.goto(provider.authorizationUrl!.toString());
    await expect(carol.getByRole("heading", { name: "Authorize OpenAPI MCP Server for yourself" })).toBeVisible();
    const host = carol.getByRole("region", { name: "MCP client" });
    await expect(host).toContainText("E2E Desktop Host");
    await expect(host).toContainText("unverified");
    await expect(host).toContainText("The answer goes to 127.0.0.1:47123");
    await expect(host).toContainText("only redirects to this computer");
    await carol.getByRole("button", { name: "Grant" }).click();
    await expect(carol).toHaveURL(/127\.0\.0\.1:47123\/callback\?code=/);
    const code = new URL(carol.url()).searchParams.get("code")!;

    await transport(provider).finishAuth(code);
    const client = new Client({ name: "e2e-host", version: "1.0.0" });
    await client.connect(transport(provider));
    const tools = (await client.listTools()).tools.map((t) => t.name);
    expect(tools).toContain("list_third_party_apps");
    const me = await client.callTool({ name: "whoami" });
    expect((me.content as { text: string }[])[0]!.text).toContain("carol@globex.onaliyun.com");
    // The token is for /mcp: the console API refuses it.
    const api = await carol.request.get("/api/v1/users", {
      headers: { authorization: `Bearer ${provider.tokens()!.access_token}` },
    });
    expect(api.status()).toBe(401);
    await client.close();
    await carol.context().close();
  });

  test("an unassigned person of the account is refused on the consent screen", async ({ browser }) => {
    const provider = await startHost("E2E Other Host");
    const owner = await personPage(browser, "admin@globex.onaliyun.com");
    await owner.goto(provider.authorizationUrl!.toString());
    await expect(owner.getByRole("heading", { name: "You cannot use OpenAPI MCP Server" })).toBeVisible();
    await owner.context().close();
  });
});
