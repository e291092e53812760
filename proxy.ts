import { NextResponse, type NextRequest } from "next/server";

/**
 * Passes the requested path to server components (so that sign-in can send people back), and
 * sends signed-out visitors of console pages to sign-in early. This is only a shortcut: every page,
 * route and service checks the session again on the server.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set("x-pathname", `${pathname}${search}`);
  const hasSession =
    request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (!hasSession && isConsolePage(pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(`${pathname}${search}`)}`;
    return NextResponse.redirect(url);
  }
  return NextResponse.next({ request: { headers } });
}

function isConsolePage(pathname: string): boolean {
  return pathname === "/" || /^\/(identities|permissions|integrations|overview)(\/|$)/.test(pathname);
}

export const config = {
  matcher: ["/((?!api/|oauth2/|\\.well-known/|_next/|favicon.ico|logos/).*)"],
};
