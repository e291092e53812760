import { localeOfRequest, translatorFor } from "@/lib/i18n/translator";

const HEADERS = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The proxy's 404 for a path whose %-sequences do not decode (proxy.ts), in the request's language
 * (cookie, then Accept-Language): JSON with a message for the API and the protocol endpoints, a
 * plain page without script for pages and the consent screen.
 */
export function pathNotFound(request: Request, as: "json" | "page"): Response {
  const locale = localeOfRequest(request);
  const t = translatorFor(locale);
  if (as === "json") {
    const body = JSON.stringify({ error: "not_found", message: t("apiErrors.api.invalidPath") });
    return new Response(body, {
      status: 404,
      headers: { ...HEADERS, "content-type": "application/json; charset=utf-8" },
    });
  }
  const [title, text, back, brand, documentTitle] = [
    t("errorPages.notFound.title"),
    t("errorPages.notFound.text"),
    t("errorPages.notFound.back"),
    t("consent.document.brand"),
    t("consent.document.title", { title: t("errorPages.notFound.title") }),
  ].map(escapeHtml);
  // The protocol pages' frame and stylesheet (lib/oauth/consent-screen/document.tsx), without script.
  const html = `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${documentTitle}</title><link rel="stylesheet" href="/consent.css"></head><body><main class="page"><div class="card"><div class="top"><span class="mark" aria-hidden="true"></span><span>${brand}</span></div><div class="body error"><h1>${title}</h1><p>${text}</p><div class="actions"><a class="button primary" href="/">${back}</a></div></div></div></main></body></html>`;
  return new Response(html, {
    status: 404,
    headers: {
      ...HEADERS,
      "content-type": "text/html; charset=utf-8",
      "content-security-policy":
        "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}
