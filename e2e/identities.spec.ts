import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { signInOnPage, signInOverHttp } from "./fixtures/auth";
import { toast } from "./fixtures/toast";

const PASSWORD = "Str0ng-Passw0rd";

/** A fresh RAM user for this test, so that the demo users other specs rely on stay as they are. */
async function createUser(request: APIRequestContext, prefix: string) {
  const name = `${prefix}${Date.now() % 1_000_000}`;
  const res = await request.post("/api/v1/users", {
    data: { name, displayName: `${prefix} tester`, password: PASSWORD },
  });
  expect(res.status()).toBe(201);
  return { id: ((await res.json()) as { id: string }).id, logonName: `${name}@acme.onaliyun.com` };
}

/** Signs the user in with the form in a browser context of its own. */
async function signInElsewhere(browser: Browser, logonName: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInOnPage(page, logonName, PASSWORD);
  return { context, page };
}

test("an administrator creates a group, adds a user and grants AliyunRAMFullAccess: the user is an administrator", async ({
  page,
  browser,
}) => {
  await signInOverHttp(page.request, "admin@acme.onaliyun.com");
  const user = await createUser(page.request, "grp");
  const groupName = `ops-${Date.now()}`;

  await page.goto("/identities/groups");
  await page.getByRole("button", { name: "Create User Group" }).click();
  const create = page.getByRole("dialog", { name: "Create User Group" });
  await create.getByLabel("Group name").fill(groupName);
  await create.getByLabel("Description").fill("Operations team");
  await page.getByRole("dialog").getByRole("button", { name: "OK" }).click();
  // The toast shows as soon as the API answers (it closes by itself after 10 s, so check it first).
  await expect(toast(page, `User Group ${groupName} created.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: groupName, level: 1 })).toBeVisible();
  await expect(page.getByText("This group has no members yet.")).toBeVisible();

  await page.getByRole("button", { name: "Add Members" }).click();
  const dialog = page.getByRole("dialog", { name: "Add Members" });
  await dialog.getByLabel("Filter RAM users").fill(user.logonName.split("@")[0]!);
  await expect(dialog.getByRole("checkbox")).toHaveCount(1);
  await dialog.getByRole("checkbox", { name: user.logonName }).check();
  await dialog.getByRole("button", { name: "OK" }).click();
  const members = page.getByRole("table", { name: "Members" });
  await expect(members.getByRole("cell", { name: user.logonName, exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Grant Permission" }).click();
  await page.getByRole("radio", { name: /AliyunRAMFullAccess/ }).check();
  await page.getByRole("dialog").getByRole("button", { name: "OK" }).click();
  await expect(page.getByRole("cell", { name: "AliyunRAMFullAccess", exact: true })).toBeVisible();

  const other = await signInElsewhere(browser, user.logonName);
  expect(await (await other.page.request.get("/api/v1/session")).json()).toMatchObject({
    administrator: true,
    policies: ["AliyunRAMFullAccess"],
  });

  await members.getByRole("button", { name: `Remove ${user.logonName}` }).click();
  await expect(page.getByText("This group has no members yet.")).toBeVisible();
  expect(await (await other.page.request.get("/api/v1/session")).json()).toMatchObject({
    administrator: false,
    policies: [],
  });

  await page.getByRole("button", { name: "Delete User Group" }).click();
  await page
    .getByRole("alertdialog", { name: "Delete User Group" })
    .getByRole("button", { name: "Delete User Group" })
    .click();
  await expect(page).toHaveURL(/\/identities\/groups$/);
  // The success message outlives the move to the list: the Toaster sits in the console layout.
  await expect(toast(page, `User Group ${groupName} deleted.`)).toBeVisible();
  await expect(page.getByRole("link", { name: groupName })).toHaveCount(0);
  await other.context.close();
});

test("an administrator creates a role and trusts a user; deleting the role ends that user's role session", async ({
  page,
  browser,
}) => {
  const roleName = `deployer-${Date.now()}`;
  await signInOverHttp(page.request, "admin@acme.onaliyun.com");
  const user = await createUser(page.request, "rol");

  await page.goto("/identities/roles");
  await page.getByRole("button", { name: "Create Role" }).click();
  await page.getByRole("dialog", { name: "Create Role" }).getByLabel("Role name").fill(roleName);
  await page.getByRole("dialog").getByRole("button", { name: "OK" }).click();
  await expect(toast(page, `Role ${roleName} created.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: roleName, level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Grant Permission" }).click();
  await page.getByRole("radio", { name: /AliyunRAMReadOnlyAccess/ }).check();
  await page.getByRole("dialog").getByRole("button", { name: "OK" }).click();
  await page.getByRole("button", { name: "Add Trusted User" }).click();
  await page.getByRole("dialog").getByLabel("Filter RAM users").fill(user.logonName.split("@")[0]!);
  await page.getByRole("dialog").getByRole("checkbox", { name: user.logonName }).check();
  await page.getByRole("dialog").getByRole("button", { name: "OK" }).click();
  await expect(
    page.getByRole("table", { name: "Trusted Users" }).getByRole("cell", { name: user.logonName, exact: true }),
  ).toBeVisible();
  const roleId = page.url().split("/").at(-1)!;

  const other = await signInElsewhere(browser, user.logonName);
  expect((await other.page.request.put("/api/v1/session/role", { data: { roleId } })).status()).toBe(204);
  expect(await (await other.page.request.get("/api/v1/session")).json()).toMatchObject({
    kind: "role",
    identity: `${roleName}/${user.logonName}`,
  });

  await page.goto(`/identities/roles?search=${roleName}`);
  await page
    .getByRole("row", { name: new RegExp(roleName) })
    .getByRole("button", { name: "Delete" })
    .click();
  await page.getByRole("alertdialog", { name: "Delete Role" }).getByRole("button", { name: "Delete Role" }).click();
  await expect(toast(page, `Role ${roleName} deleted.`)).toBeVisible();
  await expect(page.getByText("No RAM role matches your search.")).toBeVisible();
  expect(await (await other.page.request.get("/api/v1/session")).json()).toMatchObject({
    kind: "user",
    identity: user.logonName,
    policies: [],
  });
  await other.context.close();
});
