import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildConsentCss, CONSENT_CSS_OUTPUT } from "@/scripts/consent-css";

describe("the consent screen's stylesheet", () => {
  it("public/consent.css is compiled from the console's tokens and is up to date (npm run css:consent)", async () => {
    const built = await buildConsentCss();
    expect(readFileSync(CONSENT_CSS_OUTPUT, "utf8")).toBe(built);
    // The console's brand colour comes from app/tokens.css, not from a copy.
    const brand = /--color-brand-500:\s*([^;]+);/.exec(readFileSync("app/tokens.css", "utf8"))![1]!.trim();
    expect(built).toContain(`--color-brand-500:${brand}`);
  });
});

describe("the consent screen's markup", () => {
  it("escapes what the application registered, carries no script and no inline style, and links the stylesheet", async () => {
    const { renderDocument } = await import("@/lib/oauth/consent-screen/render");
    const { InstallConsentScreen } = await import("@/lib/oauth/consent-screen/screens");
    const { protocolUi } = await import("@/lib/oauth/consent-screen/page-language");
    const hostile = `"><script>alert(1)</script>`;
    const client = {
      name: hostile,
      description: hostile,
      logoUrl: `https://x.example/"onerror="alert(1)`,
      homepageUrl: "",
      official: false,
      clientId: "407",
    };
    const data = {
      ui: protocolUi("en"),
      client,
      provider: hostile,
      who: { label: "a", account: "b" },
      redirectHost: "h",
      requestId: "r",
      csrf: "c",
      accountAlias: hostile,
    };
    const html = renderDocument(InstallConsentScreen({ data, required: ["openid"], optional: [] }));
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toContain(`"onerror=`);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain(`<link rel="stylesheet" href="/consent.css"/>`);
    expect(html).toContain(`<input type="hidden" name="csrf_token" value="c"/>`);
  });
});
