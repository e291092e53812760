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
  const specifiers = [
    ...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm),
    // import("…"), next/dynamic's included: that code runs in the browser too.
    ...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ];
  for (const m of specifiers) {
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
  // The directive comes first, after comments at most.
  const queue = all.filter((f) => /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use client["']/.test(read(f)));
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

/**
 * The namespaces the browser's modules ask for: every `useTranslations("…")`, with the file. A call
 * this cannot read (a variable or template namespace, an alias of the hook, useMessages) is
 * returned in `unreadable`, so that the list cannot silently miss it.
 */
export function clientNamespaces(): { asked: Map<string, string>; unreadable: string[] } {
  const asked = new Map<string, string>();
  const unreadable: string[] = [];
  for (const [file, source] of clientModules()) {
    for (const m of source.matchAll(/\buseTranslations\(([^)]*)\)/g)) {
      const literal = /^\s*(?:"([^"]*)"|'([^']*)')?\s*$/.exec(m[1]!);
      if (literal) asked.set(literal[1] ?? literal[2] ?? "", file);
      else unreadable.push(`${file}: ${m[0]}`);
    }
    for (const m of source.matchAll(/\buseTranslations\s+as\s+\w+|\buseMessages\b/g))
      unreadable.push(`${file}: ${m[0]}`);
  }
  return { asked, unreadable };
}
