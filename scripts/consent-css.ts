import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compile, optimize } from "@tailwindcss/node";

const root = path.join(import.meta.dirname, "..");
export const CONSENT_CSS_SOURCE = path.join(root, "lib/oauth/consent-screen/consent.css");
export const CONSENT_CSS_OUTPUT = path.join(root, "public/consent.css");

/**
 * Compiles the consent screen's stylesheet with the console's Tailwind theme (app/tokens.css, the
 * one source of the colours), the same compiler @tailwindcss/postcss runs for app/globals.css.
 */
export async function buildConsentCss(): Promise<string> {
  const source = readFileSync(CONSENT_CSS_SOURCE, "utf8");
  const compiler = await compile(source, {
    base: path.dirname(CONSENT_CSS_SOURCE),
    from: CONSENT_CSS_SOURCE,
    onDependency: () => {},
  });
  return optimize(compiler.build([]), { minify: true }).code;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  writeFileSync(CONSENT_CSS_OUTPUT, await buildConsentCss());
  console.log(`wrote ${path.relative(root, CONSENT_CSS_OUTPUT)}`);
}
