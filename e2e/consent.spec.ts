import { expect, test } from "@playwright/test";
import { expectGrantedScope, personAtDemoClient, startSignIn } from "./fixtures/demo-client";

// Uses the account globex only: other specs install the demo application in acme.
test.describe.serial("consent screen: Grant installs the application for the whole account", () => {
  test("a plain RAM user of an account without the app is asked to find an administrator; going back gives access_denied", async ({
    browser,
  }) => {
    const page = await personAtDemoClient(browser, "carol@globex.onaliyun.com");
    await startSignIn(page);
    await expect(
      page.getByRole("heading", { name: "Ask an administrator to authorize Insight Dashboard" }),
    ).toBeVisible();
    await expect(page.getByRole("list", { name: "Administrators" })).toContainText("admin@globex.onaliyun.com");
    await expect(page.getByRole("button", { name: "Grant" })).toHaveCount(0);
    await page.getByRole("button", { name: "Back to Insight Dashboard" }).click();
    await expect(page.getByTestId("error-code")).toHaveText("access_denied");
    await page.context().close();
  });

  test("an administrator sees locked required items and optional switches; Cancel returns access_denied; Grant installs", async ({
    browser,
  }) => {
    const page = await personAtDemoClient(browser, "admin@globex.onaliyun.com");
    await startSignIn(page);
    await expect(page.getByRole("heading", { name: "Authorize Insight Dashboard" })).toBeVisible();
    const required = page.getByRole("group", { name: "Required scope" });
    for (const name of [/OpenID/, /Profile/]) {
      await expect(required.getByRole("checkbox", { name })).toBeChecked();
      await expect(required.getByRole("checkbox", { name })).toBeDisabled();
    }
    const optional = page.getByRole("group", { name: "Optional scope" });
    await expect(optional.getByRole("switch")).toHaveCount(3);
    for (const s of await optional.getByRole("switch").all()) await expect(s).not.toBeChecked();
    await expect(
      page.getByText("every RAM user of this account can use it without authorizing it again"),
    ).toBeVisible();

    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("error-code")).toHaveText("access_denied");

    await startSignIn(page);
    const uid = page.getByRole("group", { name: "Optional scope" }).getByRole("switch", { name: /Alibaba Cloud UID/ });
    await uid.focus();
    await page.keyboard.press("Space"); // keyboard-usable
    await expect(uid).toBeChecked();
    await page.getByRole("button", { name: "Grant" }).click();
    await expectGrantedScope(page, "openid profile aliuid");
    await expect(page.getByRole("heading", { name: "ID token claims" })).toBeVisible();
    await page.context().close();
  });

  test("after installation a plain RAM user signs in with no consent screen, with the installed scope only", async ({
    browser,
  }) => {
    const page = await personAtDemoClient(browser, "carol@globex.onaliyun.com");
    await startSignIn(page, "openid profile aliuid permissions /acs/ram");
    // permissions and /acs/ram were not granted: simply left out.
    await expectGrantedScope(page, "openid profile aliuid");
    await page.context().close();
  });
});
