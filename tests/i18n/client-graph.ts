import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.join(import.meta.dirname, "../..");
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** A project import (`@/…` or relative) as a file, or null for a package. */
function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

/** Value imports (and re-exports); `import type` brings no code to the browser. */
function importsOf(file: string, source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
    const target = resolve(file, m[1]!);
    if (target) found.push(target);
  }
  return found;
}

/**
 * The modules that run in the browser: every `"use client"` module under app/, components/ and
 * lib/, and everything they import from the project.
 */
export function clientModules(): Map<string, string> {
  const all = ["app", "components", "lib"].flatMap(sourceFiles);
  const read = (file: string) => readFileSync(file, "utf8");
  const queue = all.filter((f) => /^\s*["']use client["']/.test(read(f)));
  const seen = new Map<string, string>();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const source = read(file);
    seen.set(path.relative(root, file), source);
    queue.push(...importsOf(file, source));
  }
  return seen;
}

/** The namespaces the browser's modules ask for: every `useTranslations("…")`, with the file. */
export function clientNamespaces(): Map<string, string> {
  const found = new Map<string, string>();
  for (const [file, source] of clientModules())
    for (const m of source.matchAll(/useTranslations\(\s*(?:"([^"]*)")?\s*\)/g)) found.set(m[1] ?? "", file);
  return found;
}
