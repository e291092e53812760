import { NextResponse, type NextRequest } from "next/server";
import { pathNotFound } from "@/lib/http/path-not-found";

/**
 * Runs before every page, and before the API, the protocol endpoints and public files whose path holds a `%`:
 * - a path with a malformed %-sequence in any segment answers 404 here: Next.js decodes dynamic route
 *   parameters before any handler runs and answers such paths with its own 500 (`/api/v1/users/%zz`);
 * - the API, the protocol endpoints and public files get nothing else.
 * Pages get:
 * - a Content-Security-Policy with a per-request nonce (no 'unsafe-inline' for scripts); Next.js
 *   reads the nonce from the request's CSP header and puts it on its own scripts;
 * - passes the requested path to server components (so that sign-in can send people back);
 * - sends signed-out visitors of console pages to sign-in early. This is only a shortcut: every
 *   page, route and service checks the session again on the server.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!isWellFormedPath(pathname))
    // JSON for the API and the protocol endpoints, a plain page (no script) for pages and the consent screen.
    return pathNotFound(
      request,
      NOT_A_PAGE.test(pathname) && !pathname.startsWith("/oauth2/consent/") ? "json" : "page",
    );
  if (NOT_A_PAGE.test(pathname)) return NextResponse.next();
  const hasSession =
    request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (!hasSession && isConsolePage(pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(`${pathname}${search}`)}`;
    return NextResponse.redirect(url);
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-pathname", `${pathname}${search}`);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Tailwind and Radix set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Each segment decodes: every `%` starts a valid UTF-8 %-sequence. */
export function isWellFormedPath(pathname: string): boolean {
  if (!pathname.includes("%")) return true;
  if (/%(?![0-9A-Fa-f]{2})/.test(pathname)) return false;
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

const NOT_A_PAGE = /^\/(?:(?:api|oauth2|\.well-known|logos)\/|mcp$)/;
function isConsolePage(pathname: string): boolean {
  return (
    pathname === "/" ||
    /^\/(identities|permissions|integrations|overview|governance|authorized-apps)(\/|$)/.test(pathname)
  );
}

export const config = {
  matcher: [
    // Pages: the API, static files and the protocol endpoints (whose HTML pages, the consent screen
    // included, carry no script and set their own stricter policy) do not need the CSP.
    "/((?!api/|_next/static|_next/image|favicon.ico|logos/|\\.well-known/|oauth2/).*)",
    // The API, the protocol endpoints and public files only when their path holds a `%`, for the
    // path check alone: Next.js clones the body of every request the proxy sees and keeps at most
    // proxyClientMaxBodySize (next.config.ts) of it, so the rest must not pass through here.
    "/(api|oauth2|\\.well-known|logos)/(.*%.*)",
  ],
};
