import { NextResponse, type NextRequest } from "next/server";

/**
 * Runs before every page:
 * - a Content-Security-Policy with a per-request nonce (no 'unsafe-inline' for scripts); Next.js
 *   reads the nonce from the request's CSP header and puts it on its own scripts;
 * - passes the requested path to server components (so that sign-in can send people back);
 * - sends signed-out visitors of console pages to sign-in early. This is only a shortcut: every
 *   page, route and service checks the session again on the server.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
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
    // Tailwind and Radix set style attributes; styles can not run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function isConsolePage(pathname: string): boolean {
  return pathname === "/" || /^\/(identities|permissions|integrations|overview)(\/|$)/.test(pathname);
}

export const config = {
  // Pages only: the API, static files and the protocol endpoints (whose HTML pages, the consent
  // screen included, carry no script and set their own stricter policy) do not need it.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|logos/|\\.well-known/|oauth2/).*)"],
};
