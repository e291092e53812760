import { expect, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/auth";

const UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000";
const DETAIL_PAGES = [
  `/identities/users/${UNKNOWN_UUID}`,
  "/identities/users/not-a-uuid",
  `/identities/groups/${UNKNOWN_UUID}`,
  `/identities/roles/${UNKNOWN_UUID}`,
  "/integrations/oauth/enterprise-apps/1234567890123456789",
  "/integrations/oauth/third-party-apps/1234567890123456789",
];

test.beforeEach(async ({ page }) => {
  await signInOverHttp(page.request, "admin@acme.onaliyun.com");
});

test("an unknown id answers HTTP 404 with the not-found page, on every detail page", async ({ page }) => {
  for (const path of DETAIL_PAGES) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});

test("a list page still streams its loading state first; a detail page waits for its answer", async ({ page }) => {
  // The loading.tsx fallback is in the HTML the server sends before the list itself. (Its words are
  // in every page's catalog payload, so the test looks for the element, not for "Loading…".)
  const list = await page.request.get("/identities/users");
  expect(list.status()).toBe(200);
  expect(await list.text()).toContain("data-page-loading");
  const detail = await page.request.get(`/identities/groups/${UNKNOWN_UUID}`);
  expect(detail.status()).toBe(404);
  expect(await detail.text()).not.toContain("data-page-loading");
});

test("breadcrumbs lead from the top on every page, the last one the page itself", async ({ page }) => {
  const trails: [string, string[]][] = [
    ["/", ["RAM"]],
    ["/identities/groups", ["RAM", "Identities", "User Groups"]],
    ["/permissions/policies", ["RAM", "Permissions", "Policies"]],
    ["/integrations/oauth/third-party-apps", ["RAM", "Integrations", "OAuth (Preview)", "Third-party Applications"]],
    [
      "/integrations/oauth/enterprise-apps/new",
      ["RAM", "Integrations", "OAuth (Preview)", "Enterprise Applications", "Create Application"],
    ],
  ];
  for (const [path, trail] of trails) {
    await page.goto(path);
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("listitem");
    await expect(crumbs, path).toHaveText(trail.map((t, i) => (i === 0 ? t : `/${t}`)));
  }
  await page.goto("/identities/groups");
  await page.getByRole("link", { name: "developers" }).click();
  const nav = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(nav.getByText("developers")).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "User Groups" }).click();
  await expect(page).toHaveURL(/\/identities\/groups$/);
});

test.describe("at phone width (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the menu button opens the navigation: User Groups and Policies are a tap away, Escape closes it", async ({
    page,
  }) => {
    await page.goto("/identities/users");
    await expect(page.getByRole("navigation", { name: "Console" })).toBeHidden();
    const menu = page.getByRole("button", { name: "Menu", exact: true });
    await menu.click();
    const sheet = page.getByRole("dialog", { name: "Resource Access Management" });
    await sheet.getByRole("link", { name: "User Groups" }).click();
    await expect(page).toHaveURL(/\/identities\/groups$/);
    await expect(sheet).toBeHidden();

    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(sheet.getByRole("link", { name: "User Groups" })).toHaveAttribute("aria-current", "page");
    await page.keyboard.press("Escape");
    await expect(sheet).toBeHidden();
    await expect(menu).toBeFocused();
    await menu.click();
    await sheet.getByRole("link", { name: "Policies" }).click();
    await expect(page.getByRole("heading", { name: "Policies", level: 1 })).toBeVisible();
  });

  test("the top bar keeps to one line and the page to the screen's width", async ({ page }) => {
    await page.goto("/integrations/oauth/third-party-apps");
    const fits = await page.locator("header").evaluate((header) => {
      const bar = header.getBoundingClientRect();
      return [...header.querySelectorAll("*")]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.width > 0)
        .every((r) => r.top >= bar.top && r.bottom <= bar.bottom);
    });
    expect(fits).toBe(true);
    // One line of text: the bar is no taller than on a desktop (h-12, 39 px at the console's 13 px rem).
    expect(await page.locator("header").evaluate((h) => h.getBoundingClientRect().height)).toBeLessThan(40);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  });

  test("a table scrolls inside its frame, says so, and its Actions column is reachable", async ({ page }) => {
    await page.goto("/identities/groups");
    await expect(page.getByTestId("scroll-hint")).toBeVisible();
    await expect(page.getByTestId("more-right")).toBeVisible();
    const table = page.getByRole("table");
    const actions = table.getByRole("button", { name: /Delete/ }).first();
    await actions.scrollIntoViewIfNeeded();
    await expect(actions).toBeInViewport();
    await expect(page.getByTestId("more-left")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  });
});
