import { expect, test, type Page } from "@playwright/test";
import { signInOverHttp } from "./fixtures/auth";
import { expectAccessibleDialog, expectNoAxeViolations, type DialogCheck } from "./fixtures/axe";

// Zero axe-core violations (WCAG 2.2 A and AA) on every console page and dialog. The identity pages
// are only looked at (every dialog is closed again), so other specs see acme unchanged.

/** Opens `path` (or follows the link `link` from the current page), waits for its heading, checks it and its dialogs. */
async function checkPage(page: Page, step: { path?: string; link?: string; heading: string; dialogs?: DialogCheck[] }) {
  if (step.path) await page.goto(step.path);
  if (step.link) await page.getByRole("link", { name: step.link, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: step.heading })).toBeVisible();
  await expectNoAxeViolations(page, step.path ?? step.link ?? step.heading);
  for (const dialog of step.dialogs ?? []) await expectAccessibleDialog(page, dialog);
}

const alert = (open: string, name = open): DialogCheck => ({ open, role: "alertdialog", name });

test("the console home, the identity and policy pages and their dialogs have no axe violations", async ({ page }) => {
  await signInOverHttp(page.request, "owner@acme.example");
  const steps: Parameters<typeof checkPage>[1][] = [
    { path: "/", heading: "Overview" },
    { path: "/identities/users", heading: "Users", dialogs: [{ open: "Create User" }] },
    {
      link: "alice@acme.onaliyun.com",
      heading: "alice@acme.onaliyun.com",
      dialogs: [{ open: "Grant Permission" }, alert("Disable Logon"), alert("Delete User")],
    },
    {
      path: "/identities/groups",
      heading: "User Groups",
      dialogs: [{ open: "Create User Group" }, alert("Delete", "Delete User Group")],
    },
    {
      link: "developers",
      heading: "developers",
      dialogs: [{ open: "Add Members" }, { open: "Grant Permission" }, alert("Delete User Group")],
    },
    { path: "/identities/roles", heading: "Roles", dialogs: [{ open: "Create Role" }, alert("Delete", "Delete Role")] },
    {
      link: "auditor",
      heading: "auditor",
      dialogs: [{ open: "Add Trusted User" }, { open: "Grant Permission" }, alert("Delete Role")],
    },
    { path: "/permissions/policies", heading: "Policies" },
  ];
  for (const step of steps) await checkPage(page, step);
});

test("enterprise applications: the list, the create form, the detail page and every dialog have no axe violations", async ({
  page,
}) => {
  await signInOverHttp(page.request, "admin@globex.onaliyun.com");
  await checkPage(page, { path: "/integrations/oauth/enterprise-apps", heading: "OAuth (Preview)" });
  await page.getByRole("link", { name: "Create Application" }).click();
  await expect(page.getByRole("heading", { name: "Create Application" })).toBeVisible();
  await expectNoAxeViolations(page, "the Create Application form");
  await page.getByLabel("Display name").fill(`A11y App ${Date.now() % 100000}`);
  await page.getByLabel("Redirect URIs").fill("http://a11y.example.com/callback");
  await page.getByRole("button", { name: "OK" }).click();
  await expect(page.getByText("Check the fields marked below.")).toBeVisible();
  await expectNoAxeViolations(page, "the Create Application form with field errors");

  await page.getByLabel("Redirect URIs").fill("https://a11y.example.com/callback");
  await page.getByRole("button", { name: "OK" }).click();
  const created = page.getByRole("dialog", { name: "Application Created" });
  await expect(created).toBeVisible();
  await expectNoAxeViolations(page, "the Application Created dialog");
  await created.getByRole("button", { name: "Close" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /^A11y App / })).toBeVisible();
  await expectNoAxeViolations(page, "the application's detail page");
  for (const dialog of [
    { open: "Edit Basic Information" },
    { open: "Add OAuth Scope" },
    alert("Delete OAuth Scope"),
    alert("Delete Application"),
  ])
    await expectAccessibleDialog(page, dialog);

  await page.getByRole("link", { name: "App Secrets" }).click();
  await expect(page.getByRole("button", { name: "Create Secret" })).toBeVisible();
  await expectNoAxeViolations(page, "the App Secrets tab");
  await expectAccessibleDialog(page, alert("Delete", "Delete Secret"));
  await page.getByRole("button", { name: "Create Secret" }).click();
  const secret = page.getByRole("dialog", { name: "Secret Created" });
  await expect(secret).toBeVisible();
  await expectNoAxeViolations(page, "the Secret Created dialog");
  await secret.getByRole("button", { name: "Close" }).click();
});
