import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import * as s from "@/db/schema";
import { getApplication, listApplications } from "@/lib/apps/app-queries";
import { createApplicationSchema, type CreateApplicationInput } from "@/lib/apps/app-schemas";
import { createAppSecret } from "@/lib/apps/create-app-secret";
import { createApplication } from "@/lib/apps/create-application";
import { sha256 } from "@/lib/crypto/tokens";
import { issueMessage } from "@/lib/oauth/error-response";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { appInput } from "../fixtures/app-inputs";

/** Registering an application: the App ID, the secret shown once and stored hashed, and the form's rules. */
const db = setupSeededDatabase();
const who = (name: string) => principalOf(db().db, name);

describe(`registering applications on ${process.env.TEST_DB}`, () => {
  it("creates a WebApp: a 19-digit App ID starting with 4, openid required, a secret shown once and stored hashed", async () => {
    const owner = await who("owner@isv");
    const created = await createApplication({ actor: owner, input: appInput({ thirdParty: true }) });
    expect(created.clientId).toMatch(/^4\d{18}$/);
    expect(created.app).toMatchObject({
      clientId: created.clientId,
      type: "WebApp",
      thirdParty: true,
      accessTokenValidity: 3600,
      refreshTokenValidity: 7776000,
    });
    expect(created.app.scopes.map((x) => [x.scope, x.required])).toEqual([
      ["openid", true],
      ["profile", false],
    ]);
    const secret = created.clientSecret!;
    expect(secret.length).toBeGreaterThanOrEqual(43);
    const rows = await db()
      .db.select()
      .from(s.appSecrets)
      .innerJoin(s.applications, eq(s.applications.id, s.appSecrets.applicationId))
      .where(eq(s.applications.clientId, created.clientId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.app_secrets.secretHash).toBe(sha256(secret));
    expect(rows[0]!.app_secrets.prefix).toBe(secret.slice(0, 6));
    // Reads never return the secret nor its hash.
    const read = await getApplication(db().db, owner.accountId, created.clientId);
    expect(read!.oauthVersion).toBe("2.0");
    expect(read!.secrets).toEqual([
      { id: rows[0]!.app_secrets.id, prefix: secret.slice(0, 6), createdAt: expect.any(Date) },
    ]);
    const text = JSON.stringify(read);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(sha256(secret));
    const list = await listApplications(db().db, owner.accountId);
    expect(list.items.map((a) => a.clientId)).toContain(created.clientId);
    expect(JSON.stringify(list)).not.toContain(sha256(secret));
  });

  it("gives a NativeApp no secret, and refuses to add one", async () => {
    const owner = await who("owner@isv");
    const created = await createApplication({
      actor: owner,
      input: appInput({ type: "NativeApp", redirectUris: ["com.example.app:/callback", "http://127.0.0.1/callback"] }),
    });
    expect(created.clientSecret).toBeNull();
    expect(created.app.secrets).toEqual([]);
    await expect(createAppSecret({ actor: owner, clientId: created.clientId })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it.each([
    ["https://app.example.com/cb", "WebApp", true],
    ["https://app.example.com/cb?x=1", "WebApp", true],
    ["http://127.0.0.1:8765/callback", "WebApp", true],
    ["http://[::1]:8765/callback", "WebApp", true],
    ["http://localhost/callback", "WebApp", true],
    ["com.example.app:/callback", "NativeApp", true],
    ["http://app.example.com/cb", "WebApp", false],
    ["http://127.0.0.1.nip.io/cb", "WebApp", false],
    ["https://app.example.com/cb#frag", "WebApp", false],
    ["https://user:pw@app.example.com/cb", "WebApp", false],
    ["https://user@app.example.com/cb", "WebApp", false],
    ["/callback", "WebApp", false],
    ["app.example.com/cb", "WebApp", false],
    ["https://app.example.com/c b", "WebApp", false],
    ["com.example.app:/callback", "WebApp", false],
    ["javascript:alert(1)", "NativeApp", false],
    ["", "WebApp", false],
  ])("redirect URI %s for a %s is accepted: %s", (uri, type, ok) => {
    const result = createApplicationSchema.safeParse(appInput({ type: type as "WebApp", redirectUris: [uri] }));
    expect(result.success, issuesOf(result)).toBe(ok);
    if (!ok) expect(issuesOf(result)).toContain("Redirect URI");
  });

  it("validates the rest of the form with readable messages", () => {
    const bad = (o: Partial<CreateApplicationInput>) => issuesOf(createApplicationSchema.safeParse(appInput(o)));
    expect(bad({ redirectUris: Array.from({ length: 11 }, (_, i) => `https://a.example.com/${i}`) })).toContain(
      "at most 10 redirect URIs",
    );
    expect(bad({ redirectUris: ["https://a.example.com/cb", "https://a.example.com/cb"] })).toContain("listed twice");
    expect(bad({ redirectUris: [] })).toContain("needs at least one redirect URI");
    expect(bad({ type: "ServerApp", redirectUris: [] })).toBe("");
    expect(bad({ accessTokenValidity: 899 })).toContain("between 900 and 10800 seconds");
    expect(bad({ accessTokenValidity: 10801 })).toContain("between 900 and 10800 seconds");
    expect(bad({ accessTokenValidity: 900, refreshTokenValidity: 31536000 })).toBe("");
    expect(bad({ refreshTokenValidity: 7199 })).toContain("between 7200 and 31536000 seconds");
    expect(bad({ refreshTokenValidity: 31536001 })).toContain("between 7200 and 31536000 seconds");
    expect(bad({ logoUrl: "http://cdn.example.com/logo.png" })).toContain("The logo URL must use https");
    expect(bad({ logoUrl: "" })).toBe("");
    expect(bad({ homepageUrl: "ftp://example.com" })).toContain("The homepage URL");
    expect(bad({ name: "  " })).toContain("Enter a display name");
    expect(bad({ type: "Robot" as "WebApp" })).toContain("WebApp, NativeApp or ServerApp");
    expect(bad({ scopes: [{ scope: "email", required: true }] })).toContain("Unknown scope");
    expect(bad({ scopes: [{ scope: "openid", required: false }] })).toContain("always required");
    expect(
      bad({
        scopes: [
          { scope: "profile", required: true },
          { scope: "profile", required: false },
        ],
      }),
    ).toContain("listed twice");
  });
});

/** The issues as the API words them in English (schemas name catalog keys: lib/i18n/messages/en/validation.json). */
function issuesOf(result: { success: boolean; error?: ZodError }): string {
  return result.error ? result.error.issues.map((i) => issueMessage(i, "en")).join("; ") : "";
}
