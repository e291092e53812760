import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { introspectionEndpoint } from "@/lib/oauth/introspection-endpoint";
import { jwksEndpoint } from "@/lib/oauth/jwks-endpoint";
import { metadataEndpoint } from "@/lib/oauth/metadata";
import { revocationEndpoint } from "@/lib/oauth/revocation-endpoint";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { userinfoEndpoint } from "@/lib/oauth/userinfo-endpoint";
import { BodyTooLargeError } from "@/lib/http/body-limit";
import { toResponse } from "@/lib/oauth/error-response";
import { logError } from "@/lib/http/log";
import { readBody, sendJson, sendResponse, toRequest } from "./web-bridge";

export type Handler = (request: Request) => Promise<Response>;
export type Route = Partial<Record<"GET" | "POST", Handler>>;

/**
 * The machine-to-machine endpoints only, with the same handlers as the Next.js route files
 * (app/oauth2/*, app/.well-known/*). Browser endpoints (authorize, consent, decision) stay in the console.
 */
export const oauthApiRoutes: Record<string, Route> = {
  "/oauth2/token": { POST: tokenEndpoint },
  "/oauth2/userinfo": { GET: userinfoEndpoint, POST: userinfoEndpoint },
  "/oauth2/introspect": { POST: introspectionEndpoint },
  "/oauth2/revoke": { POST: revocationEndpoint },
  "/oauth2/jwks": { GET: jwksEndpoint },
  "/.well-known/openid-configuration": { GET: metadataEndpoint },
  "/.well-known/oauth-authorization-server": { GET: metadataEndpoint },
};

export type OAuthApiOptions = {
  /** The issuer's origin: every Request URL is built on it (see web-bridge toRequest). */
  origin: string;
  routes?: Record<string, Route>;
  /** Keep idle keep-alive connections this long (behind a load balancer: longer than its idle timeout). */
  keepAliveTimeoutMs?: number;
};

/** A node:http server for the routes; call listen() on it. Nothing is opened until the first request. */
export function createOAuthApiServer(opts: OAuthApiOptions): Server {
  const routes = opts.routes ?? oauthApiRoutes;
  const origin = new URL(opts.origin).origin;
  const server = createServer((req, res) => {
    handle(routes, origin, req, res).catch((error: unknown) => {
      logError("oauth-api: unhandled error", error);
      if (!res.headersSent)
        sendJson(res, 500, { error: "server_error", error_description: "Something went wrong on our side." });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = opts.keepAliveTimeoutMs ?? 65_000;
  // Must exceed keepAliveTimeout, or Node may cut a connection while a request's headers arrive.
  server.headersTimeout = server.keepAliveTimeout + 1_000;
  server.requestTimeout = 30_000;
  return server;
}

async function handle(
  routes: Record<string, Route>,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const target = req.url ?? "/";
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  const route = routes[path];
  if (!route) {
    sendJson(res, 404, { error: "not_found", error_description: "No such endpoint on this server." });
    return;
  }
  const head = req.method === "HEAD";
  const handler = route[(head ? "GET" : req.method) as "GET" | "POST"];
  if (!handler) {
    const allow = Object.keys(route).join(", ");
    sendJson(res, 405, { error: "invalid_request", error_description: `Use ${allow}.` }, { allow });
    return;
  }
  let body: Buffer | undefined;
  try {
    body = await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    const refused = toResponse(error, "oauth");
    refused.headers.set("connection", "close");
    await sendResponse(res, refused);
    return;
  }
  const request = toRequest(req, origin, body);
  await sendResponse(res, await handler(head ? new Request(request, { method: "GET" }) : request), head);
}
