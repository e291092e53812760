import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { identityClaims, principalTypeOf } from "@/lib/oauth/claims";
import { atHash } from "@/lib/oauth/id-token";
import type { Principal } from "@/lib/ram/principal";

const base = { accountId: "a1", accountUid: "1580000000000001", accountAlias: "acme" };
const owner: Principal = {
  ...base,
  kind: "owner",
  userId: null,
  roleId: null,
  roleName: null,
  subject: "s-owner",
  displayName: "owner@acme.example",
  logonName: "owner@acme.example",
};
const alice: Principal = {
  ...base,
  kind: "user",
  userId: "u-alice",
  roleId: null,
  roleName: null,
  subject: "s-alice",
  displayName: "Alice",
  logonName: "alice@acme.onaliyun.com",
};
const auditor: Principal = { ...alice, kind: "role", roleId: "r1", roleName: "auditor", subject: "s-role" };

describe("identity claims (RAM's OIDC claim names)", () => {
  it("gives only sub and principal_type with openid", () => {
    expect(identityClaims(alice, "openid")).toEqual({ sub: "s-alice", principal_type: "user" });
  });

  it("aliuid: aid is the account UID, uid the RAM user's ID (the account UID for the account)", () => {
    expect(identityClaims(alice, "openid aliuid")).toMatchObject({ aid: "1580000000000001", uid: "u-alice" });
    expect(identityClaims(owner, "openid aliuid")).toMatchObject({ aid: "1580000000000001", uid: "1580000000000001" });
  });

  it("profile: name, login_name, and upn for RAM users; role_name in a role session", () => {
    expect(identityClaims(alice, ["openid", "profile"])).toEqual({
      sub: "s-alice",
      principal_type: "user",
      name: "Alice",
      login_name: "alice",
      upn: "alice@acme.onaliyun.com",
    });
    expect(identityClaims(owner, "openid profile")).toEqual({
      sub: "s-owner",
      principal_type: "account",
      name: "owner@acme.example",
      login_name: "owner@acme.example",
    });
    expect(identityClaims(auditor, "openid profile")).toMatchObject({
      principal_type: "role",
      role_name: "auditor",
      upn: "alice@acme.onaliyun.com",
    });
  });

  it("names the principal types", () => {
    expect([owner, alice, auditor].map(principalTypeOf)).toEqual(["account", "user", "role"]);
  });

  it("at_hash is the left half of SHA-256, base64url (OIDC Core §3.1.3.6)", () => {
    const full = createHash("sha256").update("token-123").digest();
    expect(atHash("token-123")).toBe(full.subarray(0, 16).toString("base64url"));
  });
});
