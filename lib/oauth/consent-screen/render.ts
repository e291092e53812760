import type { ReactElement } from "react";

type Renderer = { renderToStaticMarkup(element: ReactElement): string };
let renderer: Renderer | undefined;

/**
 * Renders a page to static HTML (no hydration, no script). Next.js bundles route handlers for React
 * Server Components, where `react-dom/server` refuses to load, so its Node build is required from
 * node_modules at run time, outside the bundle. Elements are plain objects: whichever React copy
 * the JSX came from, this renderer renders them (these components use no hooks or context).
 * `process.getBuiltinModule` (Node 20.16+) keeps the bundler from resolving the require itself.
 */
export function renderDocument(element: ReactElement): string {
  renderer ??= process.getBuiltinModule("node:module").createRequire(import.meta.url)("react-dom/server") as Renderer;
  return `<!doctype html>${renderer.renderToStaticMarkup(element)}`;
}

const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  // No script can run on these pages at all; styles only from the console's own stylesheet; no
  // form-action: Grant redirects on to the application.
  "content-security-policy":
    "default-src 'none'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
};

/** A consent page (the screen, or one of its dead ends) as the response, with its strict headers. */
export function pageResponse(element: ReactElement, status = 200): Response {
  return new Response(renderDocument(element), { status, headers: HEADERS });
}
