import { describe, expect, it, vi } from "vitest";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { setupSeededDatabase } from "../fixtures/db";

// Every scrypt run, with its cost parameters, counted (the real function still runs).
const scryptCalls = vi.hoisted(() => [] as { N?: number; r?: number; p?: number }[]);
vi.mock("node:crypto", async (importOriginal) => {
  const crypto = await importOriginal<typeof import("node:crypto")>();
  const scrypt = (...args: Parameters<typeof crypto.scrypt>) => {
    scryptCalls.push(typeof args[3] === "object" ? (args[3] as { N?: number; r?: number; p?: number }) : {});
    return (crypto.scrypt as (...a: unknown[]) => void)(...args);
  };
  return { ...crypto, default: { ...crypto, scrypt }, scrypt };
});

/**
 * No user enumeration by timing: an unknown logon name (RAM user or owner e-mail, known or unknown
 * account alias) costs the same password work as a wrong password — one scrypt with the stored
 * hashes' parameters — and gets the same answer (the message is the same too: e2e/sign-in.spec.ts).
 * Counted, not timed, so that a busy machine cannot make it fail.
 */
const db = setupSeededDatabase();

async function passwordWork(login: string) {
  await verifyCredentials(db().db, login, "wrong-Passw0rd"); // the dummy hash is made once, on first use
  scryptCalls.length = 0;
  expect(await verifyCredentials(db().db, login, "wrong-Passw0rd")).toBeNull();
  return scryptCalls.map(({ N, r, p }) => ({ N, r, p }));
}

describe(`sign-in password work on ${process.env.TEST_DB}`, () => {
  it("answers unknown names with the same password work as a wrong password", { timeout: 60_000 }, async () => {
    const wrongPassword = await passwordWork("alice@acme.onaliyun.com");
    expect(wrongPassword).toEqual([{ N: 32768, r: 8, p: 1 }]);
    expect(await passwordWork("owner@acme.example")).toEqual(wrongPassword);
    for (const unknown of ["nobody@acme.onaliyun.com", "alice@nosuch.onaliyun.com", "nobody@example.com"]) {
      expect(await passwordWork(unknown), unknown).toEqual(wrongPassword);
    }
  });
});
