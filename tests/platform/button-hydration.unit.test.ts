import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "@/components/ui/button";

/** A script-only button says it is not available yet in the server's HTML; a plain form's submit button works without script. */
describe("Button before hydration", () => {
  it("a type=button is aria-disabled in the server's HTML, with its look unchanged", () => {
    const html = renderToStaticMarkup(createElement(Button, { variant: "primary" }, "Delete Application"));
    expect(html).toMatch(
      /^<button type="button" class="[^"]*bg-brand-600[^"]*" aria-disabled="true">Delete Application<\/button>$/,
    );
  });

  it("a submit button of a form that script sends says so too (needsScript)", () => {
    const html = renderToStaticMarkup(createElement(Button, { type: "submit", needsScript: true }, "OK"));
    expect(html).toContain('type="submit"');
    expect(html).toContain('aria-disabled="true"');
    expect(html).not.toContain("needsScript");
  });

  it("a submit button is not, and an explicit aria-disabled is kept", () => {
    expect(renderToStaticMarkup(createElement(Button, { type: "submit" }, "Sign in"))).not.toContain("aria-disabled");
    expect(renderToStaticMarkup(createElement(Button, { "aria-disabled": false }, "Copy"))).toContain(
      'aria-disabled="false"',
    );
  });
});
