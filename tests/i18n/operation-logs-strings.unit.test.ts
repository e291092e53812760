import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanJsxText } from "./jsx-text-scan";

const root = path.join(import.meta.dirname, "../..");

/**
 * The operation-log pages and the Delete Application impact take every word from their catalogs
 * (operationLogs, revokeImpact) already, while hard-coded-strings.unit.test.ts still leaves app/ out.
 */
const FILES = [
  "app/(console)/governance/operation-logs/page.tsx",
  "app/(console)/governance/operation-logs/event-cells.tsx",
  "app/(console)/governance/operation-logs/filters-form.tsx",
  "app/(console)/governance/operation-logs/retention-button.tsx",
  "app/(console)/integrations/oauth/third-party-apps/delete-impact.tsx",
];

describe("the operation logs and the revoke impact have no hard-coded words", () => {
  it.each(FILES)("%s", (file) => {
    const findings = scanJsxText(file, readFileSync(path.join(root, file), "utf8"));
    expect(findings.map((f) => `${file}:${f.line} ${f.where}: ${f.text}`)).toEqual([]);
  });
});
