import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, "eslint.config.mjs") });

/**
 * The layer rule's messages for `code` as if it were the text of `file` (an existing file of the
 * project: import/no-cycle reads the file's neighbours from disk).
 */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages
    .filter((m) => m.ruleId === "import/no-restricted-paths" || m.ruleId === "import/no-cycle")
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe("the layer rule (eslint.config.mjs), run by npm run lint", () => {
  it.each([
    [
      "lib/apps/scope-catalog.ts",
      'import { tokenEndpoint } from "@/lib/oauth/token-endpoint";\nexport const x = tokenEndpoint;\n',
    ],
    ["lib/ram/policies.ts", 'import { authenticate } from "@/lib/api/handler";\nexport const x = authenticate;\n'],
    ["lib/oauth/scope.ts", 'import { apiRoute } from "@/lib/api/handler";\nexport const x = apiRoute;\n'],
    ["db/paginate.ts", 'import { systemPolicies } from "@/lib/ram/policies";\nexport const x = systemPolicies;\n'],
    ["lib/http/log.ts", 'import { getDb } from "@/db/client";\nexport const x = getDb;\n'],
    ["components/console/pagination.tsx", 'import { getDb } from "@/db/client";\nexport const x = getDb;\n'],
    [
      "app/(console)/permissions/policies/loading.tsx",
      'import { getDb } from "@/db/client";\nexport const x = getDb;\n',
    ],
  ])("refuses an arrow back up: %s", async (file, code) => {
    expect((await layerErrors(file, code)).join("\n")).toMatch(/import\/no-restricted-paths: .*Layer rule/);
  });

  it("allows the arrows that point down", async () => {
    expect(
      await layerErrors(
        "lib/oauth/scope.ts",
        'import { getClient } from "@/lib/apps/clients";\nexport const x = getClient;\n',
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        "lib/api/body.ts",
        'import { principalFromBearer } from "@/lib/oauth/bearer";\nexport const x = principalFromBearer;\n',
      ),
    ).toEqual([]);
    expect(
      await layerErrors("db/paginate.ts", 'import { getEnv } from "@/lib/env";\nexport const x = getEnv;\n'),
    ).toEqual([]);
  });

  it("refuses a cycle inside a layer", async () => {
    // import/no-cycle follows imports on disk, so the two modules of the cycle are real files for a moment.
    const dir = path.join(root, "lib/apps", `__layer_rule_test_${process.pid}__`);
    await mkdir(dir, { recursive: true });
    try {
      await writeFile(path.join(dir, "a.ts"), 'import { b } from "./b";\nexport const a = () => b;\n');
      await writeFile(path.join(dir, "b.ts"), 'import { a } from "./a";\nexport const b = () => a;\n');
      const results = await eslint.lintFiles([path.join(dir, "a.ts")]);
      expect(results[0]!.messages.map((m) => m.ruleId)).toContain("import/no-cycle");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
