import ts from "typescript";

/** Props that carry words a person reads (or hears, from a screen reader). */
const TEXT_PROPS = new Set([
  "aria-label",
  "aria-description",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
  "description",
  "heading",
  "message",
  "hint",
  "emptyText",
  "empty",
  "confirmLabel",
  "cancelLabel",
  "submitLabel",
  "pendingLabel",
  "success",
]);

/** Props whose strings are code, never words: class names, URLs, ids, form plumbing. */
const CODE_PROPS = new Set([
  "className",
  "href",
  "src",
  "id",
  "htmlFor",
  "name",
  "type",
  "method",
  "action",
  "rel",
  "target",
  "role",
  "autoComplete",
  "inputMode",
  "pattern",
  "d",
  "viewBox",
  "value",
  "defaultValue",
  "data-testid",
  "lang",
  "dateTime",
  "align",
  "side",
  "tone",
  "variant",
  "size",
  "key",
  "form",
  "scope",
  "encType",
  "aria-controls",
  "aria-labelledby",
  "aria-describedby",
  "spellCheck",
  "sizes",
]);

/** Words that are the same in every language: product and protocol names, units, symbols. */
const UNIVERSAL =
  /^(?:RAM|OAuth|OpenID|OIDC|MCP|API|URI|URL|JSON|JWT|ID|AppId|WebApp|NativeApp|ServerApp|PKCE|UTC|HTTP|HTTPS|TLS)$/;

export type Finding = { line: number; text: string; where: string };

const hasWords = (text: string) => /\p{L}{2,}/u.test(text);

function isUniversal(text: string): boolean {
  return text
    .split(/[^\p{L}\d]+/u)
    .filter((w) => /\p{L}/u.test(w))
    .every((w) => UNIVERSAL.test(w));
}

/**
 * User-visible strings written into a TSX file: JSX text with letters, string literals in JSX
 * expressions, and string values of the props above (or of any other prop that reads as a phrase).
 */
export function scanJsxText(fileName: string, source: string): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string, where: string) => {
    const trimmed = text.replace(/\s+/g, " ").trim();
    if (!hasWords(trimmed) || isUniversal(trimmed)) return;
    findings.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: trimmed, where });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text, "text");
    else if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) {
      const e = node.expression;
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) report(node, e.text, "text");
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(file);
      const init = node.initializer;
      let value: string | undefined;
      if (init && ts.isStringLiteral(init)) value = init.text;
      else if (init && ts.isJsxExpression(init) && init.expression) {
        const e = init.expression;
        if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) value = e.text;
      }
      if (value !== undefined && !CODE_PROPS.has(name)) {
        if (TEXT_PROPS.has(name) || /\p{L}{2,}\s+\p{L}{2,}/u.test(value)) report(node, value, name);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}
