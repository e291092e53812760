import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { createAssignments } from "@/lib/apps/create-assignments";
import { provisionOfficialApp } from "@/lib/apps/provision-official-app";
import { sha256 } from "@/lib/crypto/tokens";
import { userinfoEndpoint } from "@/lib/oauth/userinfo-endpoint";
import { addGroupMember } from "@/lib/ram/groups/add-group-member";
import { createGroup } from "@/lib/ram/groups/create-group";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { codeFor, postToken, userinfoRequest, VERIFIER, type TestClient } from "../fixtures/oauth-fixtures";
import { explain } from "../fixtures/perf-explain-data";
import { setupQueryLog, type LoggedQuery } from "../fixtures/perf-fixtures";

/**
 * The assignment rule added to the token checks (token validation, code exchange, refresh) stays
 * inside their one query and uses indexes: EXPLAIN of the real statements of an official app's
 * tokens, on 22 000 assignments and 20 000 group memberships after ANALYZE, sequential scans allowed.
 */
const db = setupSeededDatabase();
const { count } = setupQueryLog(db);
const captured: LoggedQuery[] = [];
const SHELL = { clientId: "4000000000000000003", redirectUri: "https://shell.example.com/callback" };

beforeAll(async () => {
  const d = db().db;
  const admin = await principalOf(d, "admin@acme");
  const alice = await principalOf(d, "alice@acme");
  await provisionOfficialApp({ actor: admin, clientId: SHELL.clientId, optionalScopes: [] });
  const group = await createGroup({ actor: admin, input: { name: "shell-users" } });
  await addGroupMember({ actor: admin, groupId: group.id, userId: alice.userId! });
  await createAssignments({
    actor: admin,
    clientId: SHELL.clientId,
    assignees: [{ principalType: "group", principalId: group.id }],
  });
  const [app] = await d
    .select({ id: s.applications.id })
    .from(s.applications)
    .where(eq(s.applications.clientId, SHELL.clientId));
  const secret = "cloud-shell-test-secret";
  await d
    .insert(s.appSecrets)
    .values({ applicationId: app!.id, secretHash: sha256(secret), prefix: secret.slice(0, 6) });
  const shell: TestClient = { id: app!.id, clientId: SHELL.clientId, secret, redirectUri: SHELL.redirectUri };

  await d.execute(sql`insert into ram_users (account_id, name, display_name, password_hash)
    select ${admin.accountId}::uuid, 'perfu' || i, 'Perf ' || i, 'x' from generate_series(1, 200) i`);
  await d.execute(
    sql`insert into ram_groups (account_id, name) select ${admin.accountId}::uuid, 'perfg' || i from generate_series(1, 100) i`,
  );
  await d.execute(sql`insert into group_members (group_id, user_id)
    select g.id, u.id from ram_groups g cross join ram_users u where g.name like 'perfg%' and u.name like 'perfu%'`);
  // 2 000 further official installations in acme, each with 10 users and a group assigned: 22 000 assignments.
  const isv = await principalOf(d, "owner@isv");
  await d.execute(sql`insert into applications (client_id, account_id, name, type, third_party, official)
    select 'perfx' || i, ${isv.accountId}::uuid, 'Perf X ' || i, 'WebApp', true, true from generate_series(1, 2000) i`);
  await d.execute(sql`insert into installations (account_id, app_id, scopes, source, installed_by)
    select ${admin.accountId}::uuid, id, '["openid"]'::jsonb, 'provisioned', 'perf' from applications where client_id like 'perfx%'`);
  await d.execute(sql`insert into assignments (installation_id, principal_type, principal_id)
    select i.id, 'user', gen_random_uuid() from installations i cross join generate_series(1, 10)
    where i.installed_by = 'perf'`);
  await d.execute(sql`insert into assignments (installation_id, principal_type, principal_id)
    select i.id, 'group', g.id from (select id, row_number() over (order by id) n from installations where installed_by = 'perf') i
    join (select id, row_number() over (order by id) n from ram_groups where name like 'perfg%') g on g.n = i.n % 100 + 1`);
  await d.execute(sql`analyze`);

  const code = await codeFor(d, shell, "alice@acme", { scope: "openid profile" });
  let tokens = { access_token: "", refresh_token: "" };
  captured.push(
    ...(
      await count(async () => {
        const res = await postToken(shell, {
          grant_type: "authorization_code",
          code,
          redirect_uri: shell.redirectUri,
          code_verifier: VERIFIER,
        });
        tokens = res.body as typeof tokens;
      })
    ).queries,
  );
  captured.push(...(await count(() => userinfoEndpoint(userinfoRequest(tokens.access_token)))).queries);
  captured.push(
    ...(await count(() => postToken(shell, { grant_type: "refresh_token", refresh_token: tokens.refresh_token })))
      .queries,
  );
  expect(tokens.access_token).toBeTruthy();
}, 120_000);

describe(`the assignment rule in the token checks uses its indexes (EXPLAIN on ${process.env.TEST_DB})`, () => {
  it("the token lookup and the person of a code or grant check the assignment in the same statement, by index", async () => {
    const withRule = captured.filter((q) => q.sql.includes('from "assignments"'));
    // userinfo's token lookup, the code exchange's person, the refresh's person.
    expect(withRule.length).toBeGreaterThanOrEqual(3);
    expect(withRule.some((q) => /^select .* from "access_tokens"/.test(q.sql.replace(/\s+/g, " ")))).toBe(true);
    for (const q of withRule) {
      const nodes = await explain(db(), q);
      const report = `${q.sql}\n${nodes.map((n) => `${n.type} ${n.relation ?? ""} ${n.index ?? ""}`).join("\n")}`;
      expect(
        nodes.filter((n) => n.type === "Seq Scan" && ["assignments", "group_members"].includes(n.relation ?? "")),
        report,
      ).toEqual([]);
      expect(
        nodes.some((n) => n.index === "assignments_installation_id_principal_type_principal_id_pk"),
        report,
      ).toBe(true);
      expect(
        nodes.some((n) => n.index === "group_members_user" || n.index === "group_members_group_id_user_id_pk"),
        report,
      ).toBe(true);
    }
  });
});
