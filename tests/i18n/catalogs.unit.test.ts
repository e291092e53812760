import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { catalogs } from "@/lib/i18n/messages";

type Tree = { [key: string]: string | Tree };

/** Every message of a catalog, by its full key. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments of a message with their kinds, e.g. `count:plural`, `app:argument`, `b:tag`. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument) into.add(`${el.value}:argument`);
    else if (el.type === TYPE.number) into.add(`${el.value}:number`);
    else if (el.type === TYPE.date || el.type === TYPE.time) into.add(`${el.value}:date`);
    else if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(`${el.value}:${el.type === TYPE.plural ? "plural" : "select"}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    } else if (el.type === TYPE.tag) {
      into.add(`${el.value}:tag`);
      argumentsOf(el.children, into);
    }
  }
  return into;
}

/** Names written the same in both languages. */
const PROPER_NAMES = new Set(["OpenAPI MCP Server"]);

const flat = { en: flatten(catalogs.en as unknown as Tree), "zh-CN": flatten(catalogs["zh-CN"] as unknown as Tree) };

describe("message catalogs", () => {
  it("both languages have the same namespaces and keys", () => {
    expect(Object.keys(catalogs["zh-CN"]).sort()).toEqual(Object.keys(catalogs.en).sort());
    expect([...flat["zh-CN"].keys()].sort()).toEqual([...flat.en.keys()].sort());
  });

  it("every message parses as ICU and has the same arguments in both languages", () => {
    const mismatches: string[] = [];
    for (const [key, en] of flat.en) {
      const zh = flat["zh-CN"].get(key) ?? "";
      const a = [...argumentsOf(parse(en))].sort().join(",");
      const b = [...argumentsOf(parse(zh))].sort().join(",");
      if (a !== b) mismatches.push(`${key}: en {${a}} zh-CN {${b}}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("no Chinese message is left in English, and no message is empty", () => {
    const untranslated = [...flat["zh-CN"]].filter(
      ([key, zh]) =>
        !zh.trim() || (zh === flat.en.get(key) && /\p{L}{3,}\s+\p{L}{3,}/u.test(zh) && !PROPER_NAMES.has(zh)),
    );
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});
