import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { noticeOf } from "./errors";
import { callConsoleApi, finishSignIn, introspect, refresh, startSignIn, userinfo } from "./oidc";
import { homePage, notFoundPage } from "./pages";
import { ensureSession, findSession, type Outcome, type Session } from "./sessions";
import { redirectUri, settings } from "./settings";

/**
 * The demo third-party application "Insight Dashboard": a plain Node.js web server, an OAuth 2.0 /
 * OpenID Connect client of the RAM console built on openid-client. `npm run demo:client`.
 */
function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy":
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' " + new URL(settings.issuer).origin,
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
  });
  res.end(html);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, "cache-control": "no-store" });
  res.end();
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 8192) throw new Error("The form is too large.");
  }
  return new URLSearchParams(body);
}

const actions: Record<string, { label: string; run: (s: Session) => Promise<Outcome> }> = {
  "/refresh": { label: "Refresh tokens", run: refresh },
  "/userinfo": { label: "Fetch userinfo", run: userinfo },
  "/call-api": { label: "Call the console API", run: callConsoleApi },
  "/introspect": { label: "Introspect", run: introspect },
};

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", `http://${settings.host}:${settings.port}`);
  const post = req.method === "POST";
  if (req.method === "GET" && url.pathname === "/")
    return send(res, 200, homePage(findSession(req), settings.defaultScope));

  if (post && url.pathname === "/login") {
    const session = ensureSession(req, res);
    const scope = ((await readForm(req)).get("scope") ?? "").trim().replace(/\s+/g, " ") || settings.defaultScope;
    session.requestedScope = scope;
    session.notice = undefined;
    try {
      const { pending, url: authorizationUrl } = await startSignIn(scope);
      session.pending = pending;
      return redirect(res, authorizationUrl.href);
    } catch (error) {
      session.notice = noticeOf(error);
      return redirect(res, "/");
    }
  }

  if (req.method === "GET" && url.pathname === "/callback") {
    const session = ensureSession(req, res);
    // The registered redirect URI plus the response parameters: openid-client compares it exactly.
    const callbackUrl = new URL(redirectUri);
    callbackUrl.search = url.search;
    try {
      await finishSignIn(session, callbackUrl);
    } catch (error) {
      session.notice = noticeOf(error);
    }
    // Post/Redirect/Get: reloading the page must not send the one-time code a second time.
    return redirect(res, "/");
  }

  const action = actions[url.pathname];
  if (post && action) {
    const session = findSession(req);
    if (!session?.tokens) return redirect(res, "/");
    session.result = { action: action.label, at: Date.now(), outcome: await action.run(session) };
    return redirect(res, "/");
  }

  if (post && url.pathname === "/signout") {
    const session = findSession(req);
    if (session)
      Object.assign(session, {
        tokens: undefined,
        claims: undefined,
        userinfo: undefined,
        result: undefined,
        notice: undefined,
        pending: undefined,
      });
    return redirect(res, "/");
  }
  return send(res, 404, notFoundPage());
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error("demo client:", error instanceof Error ? error.message : error);
    if (!res.headersSent)
      send(res, 500, "<!doctype html><title>Error</title><p>Something went wrong in the demo application.</p>");
    else res.end();
  });
});

server.listen(settings.port, settings.host, () => {
  console.log(
    `Insight Dashboard (demo third-party application) on http://${settings.host}:${settings.port}/ — issuer ${settings.issuer}, client_id ${settings.clientId}`,
  );
});

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
