/**
 * One console process for tests/db/two-process.test.ts, started as its own Node process
 * (`node --import tsx`) with DATABASE_URL, ISSUER_URL and AUTH_SECRET: the browser and machine
 * protocol endpoints on node:http (server/web-bridge.ts), plus POST /__change, which runs one
 * console domain service in this process (the way a console REST call would). Prints
 * "listening <port>" once it serves.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getDb, getHandle } from "@/db/client";
import { createAppSecret } from "@/lib/apps/create-app-secret";
import { deleteAppScope } from "@/lib/apps/delete-app-scope";
import { deleteAppSecret } from "@/lib/apps/delete-app-secret";
import { deleteApplication } from "@/lib/apps/delete-application";
import { deleteInstallation } from "@/lib/apps/delete-installation";
import { updateApplication } from "@/lib/apps/update-application";
import { getEnv } from "@/lib/env";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { consentDecisionEndpoint } from "@/lib/oauth/consent-decision";
import { consentPageEndpoint } from "@/lib/oauth/consent-page";
import { introspectionEndpoint } from "@/lib/oauth/introspection-endpoint";
import { jwksEndpoint } from "@/lib/oauth/jwks-endpoint";
import { rotateSigningKey } from "@/lib/oauth/keys";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { userinfoEndpoint } from "@/lib/oauth/userinfo-endpoint";
import { readBody, sendJson, sendResponse, toRequest } from "@/server/web-bridge";
import { principalOf } from "../helpers/principals";

type Handler = (request: Request) => Promise<Response>;

const routes: Record<string, Handler> = {
  "/oauth2/authorize": authorizeEndpoint,
  "/oauth2/decision": consentDecisionEndpoint,
  "/oauth2/token": tokenEndpoint,
  "/oauth2/userinfo": userinfoEndpoint,
  "/oauth2/introspect": introspectionEndpoint,
  "/oauth2/jwks": jwksEndpoint,
};

export type Change =
  | { op: "updateApplication"; who: string; clientId: string; input: Record<string, unknown> }
  | { op: "deleteAppScope"; who: string; clientId: string; scope: string }
  | { op: "createAppSecret"; who: string; clientId: string }
  | { op: "deleteAppSecret"; who: string; clientId: string; secretId: string }
  | { op: "deleteInstallation"; who: string; clientId: string }
  | { op: "deleteApplication"; who: string; clientId: string }
  | { op: "rotateSigningKey" };

async function change(c: Change): Promise<unknown> {
  if (c.op === "rotateSigningKey") return rotateSigningKey();
  const actor = await principalOf(await getDb(), c.who);
  switch (c.op) {
    case "updateApplication":
      return updateApplication({ actor, clientId: c.clientId, input: c.input });
    case "deleteAppScope":
      return deleteAppScope({ actor, clientId: c.clientId, scope: c.scope });
    case "createAppSecret":
      return createAppSecret({ actor, clientId: c.clientId });
    case "deleteAppSecret":
      return deleteAppSecret({ actor, clientId: c.clientId, secretId: c.secretId });
    case "deleteInstallation":
      return deleteInstallation({ actor, clientId: c.clientId });
    case "deleteApplication":
      return deleteApplication({ actor, clientId: c.clientId });
  }
}

const origin = getEnv().issuer;

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? "/").split("?")[0]!;
  const body = await readBody(req);
  if (path === "/__change" && req.method === "POST") {
    sendJson(res, 200, { result: (await change(JSON.parse(body!.toString("utf8")) as Change)) ?? null });
    return;
  }
  const handler = path.startsWith("/oauth2/consent/") ? consentPageEndpoint : routes[path];
  if (!handler) {
    sendJson(res, 404, { error: "not_found" });
    return;
  }
  await sendResponse(res, await handler(toRequest(req, origin, body)));
}

await getHandle();
const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error("two-process-server:", error instanceof Error ? error.message : error);
    if (!res.headersSent) sendJson(res, 500, { error: "server_error" });
  });
});
server.listen(0, "127.0.0.1", () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  void getHandle().then((h) => h.close()).finally(() => process.exit(0));
});
