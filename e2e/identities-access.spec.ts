import { expect, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/auth";

/** Who may change groups, roles and policies: a reader sees but can not change; the REST API keeps accounts apart. */
test("bob (AliyunRAMReadOnlyAccess) sees groups, roles and policies but can not change them", async ({ page }) => {
  await signInOverHttp(page.request, "bob@acme.onaliyun.com");
  await page.goto("/identities/groups");
  await expect(page.getByRole("heading", { name: "User Groups", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create User Group" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await page.getByRole("link", { name: "developers", exact: true }).click();
  await expect(
    page.getByRole("table", { name: "Members" }).getByRole("cell", { name: "alice@acme.onaliyun.com" }),
  ).toBeVisible();
  for (const name of ["Delete User Group", "Add Members", "Grant Permission", "Remove alice@acme.onaliyun.com"]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }

  await page.goto("/identities/roles");
  await expect(page.getByRole("link", { name: "auditor", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create Role" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);

  await page.goto("/permissions/policies");
  await expect(
    page.getByRole("row", { name: /AliyunRAMReadOnlyAccess/ }).getByRole("cell", { name: "System" }),
  ).toBeVisible();

  const res = await page.request.post("/api/v1/groups", { data: { name: `bobs-${Date.now()}` } });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ error: "forbidden" });
  const groups = (await (await page.request.get("/api/v1/groups?search=developers")).json()) as {
    items: { id: string }[];
  };
  const del = await page.request.delete(`/api/v1/groups/${groups.items[0]!.id}`);
  expect(del.status()).toBe(403);
});

test("the REST API answers with exact statuses and keeps accounts apart", async ({ page, playwright, baseURL }) => {
  await signInOverHttp(page.request, "admin@acme.onaliyun.com");
  const name = `api-${Date.now()}`;
  const created = await page.request.post("/api/v1/groups", { data: { name, description: "via API" } });
  expect(created.status()).toBe(201);
  const group = (await created.json()) as { id: string };
  expect((await page.request.post("/api/v1/groups", { data: { name } })).status()).toBe(409);
  expect((await page.request.get("/api/v1/groups/not-a-uuid")).status()).toBe(404);
  expect((await page.request.post(`/api/v1/groups/${group.id}/members`, { data: { userId: "nope" } })).status()).toBe(
    422,
  );
  expect(
    (await page.request.post(`/api/v1/groups/${group.id}/policies`, { data: { policyName: "NoSuchPolicy" } })).status(),
  ).toBe(422);
  const policies = (await (await page.request.get("/api/v1/policies")).json()) as {
    items: { name: string; users: number }[];
  };
  expect(policies.items.map((p) => p.name)).toEqual([
    "AdministratorAccess",
    "AliyunRAMFullAccess",
    "AliyunRAMReadOnlyAccess",
    "ReadOnlyAccess",
  ]);

  const globex = await playwright.request.newContext({ baseURL });
  await signInOverHttp(globex, "admin@globex.onaliyun.com");
  expect((await globex.get(`/api/v1/groups/${group.id}`)).status()).toBe(404);
  expect((await globex.delete(`/api/v1/groups/${group.id}`)).status()).toBe(404);
  expect(
    (
      await globex.post(`/api/v1/groups/${group.id}/policies`, { data: { policyName: "AdministratorAccess" } })
    ).status(),
  ).toBe(404);
  await globex.dispose();

  expect((await page.request.delete(`/api/v1/groups/${group.id}`)).status()).toBe(204);
  expect((await page.request.get(`/api/v1/groups/${group.id}`)).status()).toBe(404);
});
