import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit-log/audit-actions";
import { catalogs } from "@/lib/i18n/messages";

const root = path.join(import.meta.dirname, "../..");

/** Written with recordSystemAudit, under no account: they are in nobody's operation logs. */
const SYSTEM_ACTIONS = ["RegisterMcpClient", "FetchMcpClientMetadata"];

/** Every action name a service writes: the string literals of `action:` properties under lib/. */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  const files = readdirSync(path.join(root, "lib"), { withFileTypes: true, recursive: true }).filter(
    (e) => e.isFile() && e.name.endsWith(".ts"),
  );
  for (const file of files) {
    const source = readFileSync(path.join(file.parentPath, file.name), "utf8");
    // `action: "X"` and `action: cond ? "X" : "Y"` (on one line or more), up to the end of the property.
    for (const [, value] of source.matchAll(/\baction:\s*([^,}]*)/g))
      for (const [, name] of value!.matchAll(/["']([A-Z][A-Za-z]+)["']/g)) found.add(name!);
  }
  return found;
}

describe("the operation logs know every action the services audit", () => {
  it("each is offered in the action filter", () => {
    const written = writtenActions();
    // The scan itself finds the actions of different services.
    for (const known of ["CreateUser", "DeleteApplication", "AssumeRole", "SwitchBack", "RequestApproval"])
      expect(written, known).toContain(known);
    const offered = [...AUDIT_ACTIONS, ...SYSTEM_ACTIONS] as string[];
    expect([...written].filter((a) => !offered.includes(a))).toEqual([]);
  });

  it("each has a label in both languages", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const labels = catalogs[locale].operationLogs.actions as Record<string, string>;
      expect(
        AUDIT_ACTIONS.filter((a) => !labels[a]),
        locale,
      ).toEqual([]);
    }
  });
});
