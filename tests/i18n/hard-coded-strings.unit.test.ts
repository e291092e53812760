import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanJsxText } from "./jsx-text-scan";

const root = path.join(import.meta.dirname, "../..");

/** Folders whose components are not in the catalogs yet. Empty when the work is done. */
const PENDING: string[] = [];

function tsxFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".tsx"))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const pending = (file: string) => PENDING.some((dir) => file === dir || file.startsWith(`${dir}/`));

describe("no user-visible string is hard-coded in a component", () => {
  const files = [...tsxFiles("app"), ...tsxFiles("components"), ...tsxFiles("lib")].filter((f) => !pending(f));

  it.each(files)("%s", (file) => {
    const findings = scanJsxText(file, readFileSync(path.join(root, file), "utf8"));
    expect(findings.map((f) => `${file}:${f.line} ${f.where}: ${f.text}`)).toEqual([]);
  });

  it("finds JSX text, string expressions and text props, and leaves code alone", () => {
    const source = `
      export const A = () => (
        <div className="flex gap-2" data-testid="x">
          <h1>Third-party Applications</h1>
          {"Delete Application"}
          <input placeholder="Search" aria-label={"Search by name"} name="q" />
          <Thing title="OAuth" label={t("ok")} href="/a b" />
          <span>{count} · RAM</span>
        </div>
      );`;
    expect(scanJsxText("a.tsx", source).map((f) => `${f.where}: ${f.text}`)).toEqual([
      "text: Third-party Applications",
      "text: Delete Application",
      "placeholder: Search",
      "aria-label: Search by name",
    ]);
  });
});
