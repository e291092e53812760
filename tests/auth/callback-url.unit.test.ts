import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

/**
 * The callback after sign-in never leaves the console: whatever the string, the accepted value,
 * read by a browser's URL parser against the console (or any other page), stays on that origin.
 */
const ORIGIN = "https://console.example.com";
const OTHER_BASES = ["http://localhost:3000/signin?x=1", "https://a.example/deep/path/", "http://127.0.0.1:8080/"];

// Pieces that open-redirect payloads are made of.
const pieces = [
  "/",
  "//",
  "\\",
  "/\\",
  "\\/",
  "\t",
  "\r",
  "\n",
  "\u0000",
  " ",
  "\u00a0",
  "\u2028",
  ".",
  "..",
  "./",
  "../",
  "/./",
  "%2f",
  "%2F",
  "%5c",
  "%09",
  "%0a",
  "%0d",
  "%00",
  "%252f",
  "@",
  ":",
  "?",
  "#",
  "evil.example",
  "console.example.com",
  "http:",
  "https:",
  "javascript:",
  "data:",
  "HTTPS:",
  "//evil.example",
  "/%09/evil.example",
  "/\t/evil.example",
  "user:pass@",
  "ftp://",
  "\ufeff",
  "\u3002",
  "%E3%80%82",
  "\uff0f",
];
const payload = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((xs) => xs.join("")),
  fc
    .tuple(fc.constantFrom(...pieces), fc.string({ maxLength: 12, unit: "binary" }), fc.constantFrom(...pieces))
    .map((xs) => xs.join("")),
  fc.string({ maxLength: 40, unit: "binary" }),
);

function staysOnOrigin(accepted: string): void {
  expect(new URL(accepted, ORIGIN).origin).toBe(ORIGIN);
  // Relative to any page, it is a path of that page's own origin (no host, no scheme of its own).
  for (const base of OTHER_BASES) expect(new URL(accepted, base).origin).toBe(new URL(base).origin);
  expect(accepted.startsWith("/")).toBe(true);
  expect(accepted.startsWith("//")).toBe(false);
  expect(accepted).not.toMatch(/[\u0000-\u001f\u007f-\u009f\\]/);
}

describe("safeCallbackUrl", () => {
  it("keeps console paths, with their query and fragment", () => {
    expect(safeCallbackUrl("/identities/users", ORIGIN)).toBe("/identities/users");
    expect(safeCallbackUrl("/oauth2/authorize?client_id=a&redirect_uri=https%3A%2F%2Fapp.example%2Fcb#x", ORIGIN)).toBe(
      "/oauth2/authorize?client_id=a&redirect_uri=https%3A%2F%2Fapp.example%2Fcb#x",
    );
    expect(safeCallbackUrl(`${ORIGIN}/overview`, ORIGIN)).toBe("/overview");
  });

  it.each([
    "/%09/evil.example",
    "/%2F/evil.example",
    "/%5cevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\u0000/evil.example",
    " //evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/.//evil.example",
    "https://evil.example/",
    "https://console.example.com@evil.example/",
    "https://user:pw@console.example.com/",
    "http://console.example.com/",
    "javascript:alert(1)",
    "",
    undefined,
  ])("refuses %j with the default", (value) => {
    expect(safeCallbackUrl(value, ORIGIN)).toBe("/");
  });

  it("never accepts a value that leaves the origin (property)", () => {
    fc.assert(
      fc.property(payload, (value) => {
        const accepted = safeCallbackUrl(value, ORIGIN);
        staysOnOrigin(accepted);
        // And what was accepted was itself same-origin as typed: nothing is "repaired" into a redirect elsewhere.
        if (accepted !== "/") expect(new URL(value, ORIGIN).origin).toBe(ORIGIN);
      }),
      { numRuns: 5000 },
    );
  });
});
