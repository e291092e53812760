import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages } from "@/lib/i18n/client-messages";
import { catalogs } from "@/lib/i18n/messages";
import { clientModules, clientNamespaces } from "./client-graph";

const covers = (entry: string, namespace: string) => namespace === entry || namespace.startsWith(`${entry}.`);

/** The catalog the browser gets is what its modules ask for: no more (its size), no less (a missing message). */
describe("the messages sent to the browser", () => {
  const { asked, unreadable } = clientNamespaces();

  it("follow the client modules' imports (a module without the directive imported by one runs in the browser too)", () => {
    const modules = [...clientModules().keys()];
    expect(modules).toContain("app/(console)/integrations/oauth/enterprise-apps/oauth-version-field.tsx");
    expect(modules).toContain("components/ui/button.tsx");
    expect(modules).not.toContain("lib/oauth/authorize.ts");
  });

  it("cover every namespace a client module asks for, each written as a literal", () => {
    expect(unreadable).toEqual([]);
    const missing = [...asked].filter(([ns]) => !CLIENT_NAMESPACES.some((entry) => covers(entry, ns)));
    expect(missing.map(([ns, file]) => `${file}: useTranslations("${ns}")`)).toEqual([]);
  });

  it("hold nothing no client module asks for, and no entry inside another", () => {
    const unused = CLIENT_NAMESPACES.filter((entry) => ![...asked.keys()].some((ns) => covers(entry, ns)));
    expect(unused).toEqual([]);
    const nested = CLIENT_NAMESPACES.filter((e) => CLIENT_NAMESPACES.some((o) => o !== e && covers(o, e)));
    expect(nested).toEqual([]);
  });

  it("are those parts of the catalog, whole, and under half of it", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const picked = clientMessages(catalogs[locale]);
      expect(picked.console).toEqual(catalogs[locale].console);
      expect((picked.enterpriseApps as Record<string, unknown>).oauthVersion).toEqual(
        catalogs[locale].enterpriseApps.oauthVersion,
      );
      expect(picked).not.toHaveProperty("consent");
      expect(picked).not.toHaveProperty("apiErrors");
      expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(catalogs[locale]).length / 2);
    }
  });
});
