import type { ClientRecord } from "@/lib/apps/clients";
import { getEnv } from "@/lib/env";
import { OAuthError } from "./oauth-error";

/** The protected resources this console serves (RFC 9728 §2 `resource`, RFC 8707 resource indicators). */
export type ProtectedResource = {
  /** The resource identifier: an absolute URL under the issuer, sent as `resource` and kept as the token's audience. */
  uri: string;
  /** The scope a token must carry to use it. */
  scope: string;
  /** The scopes to name in its metadata (scopes_supported): what an MCP host should ask for. */
  scopesSupported: string[];
  name: string;
};

export function consoleApiResource(issuer = getEnv().issuer): ProtectedResource {
  return {
    uri: `${issuer}/api/v1`,
    scope: "/acs/ram",
    scopesSupported: ["openid", "/acs/ram"],
    name: "RAM console API",
  };
}

export function mcpResource(issuer = getEnv().issuer): ProtectedResource {
  return {
    uri: `${issuer}/mcp`,
    scope: "/acs/mcp-server",
    scopesSupported: ["openid", "/acs/mcp-server"],
    name: "OpenAPI MCP Server",
  };
}

export function protectedResources(): ProtectedResource[] {
  return [consoleApiResource(), mcpResource()];
}

/** RFC 8707 §2: the audience of a token issued without `resource` is the console API. */
export function audienceOf(resource: string | null): string {
  return resource ?? consoleApiResource().uri;
}

export const invalidTarget = (d: string) => new OAuthError("invalid_target", d);

/**
 * RFC 8707 §2: `resource` is an absolute URI without a fragment, and must name one of the resources
 * this server protects; a resource whose scope the client did not declare is not for this client.
 * One value per request: a token has one audience here. Returns the resource, or undefined when
 * none was asked for. Throws invalid_target otherwise.
 */
export function checkResource(values: string[], client: Pick<ClientRecord, "scopes">): string | undefined {
  if (values.length === 0) return undefined;
  if (values.length > 1) throw invalidTarget("Ask for one resource per request.");
  const value = values[0]!;
  const found = protectedResources().find((r) => r.uri === value);
  if (!found) throw invalidTarget(`${value} is not a resource of this authorization server.`);
  if (!client.scopes.some((s) => s.scope === found.scope))
    throw invalidTarget(`This application cannot get tokens for ${value}.`);
  return found.uri;
}

/**
 * RFC 8707 §2.2: the `resource` of a token request (code exchange or refresh) must be one this
 * client may have, and within what was authorized: a grant bound to a resource stays bound to it.
 * Returns the resource the new tokens are for (null: the console API).
 */
export function tokenResource(
  requested: string | undefined,
  client: Pick<ClientRecord, "scopes">,
  bound: string | null,
): string | null {
  const resource = checkResource(requested === undefined ? [] : [requested], client);
  if (resource === undefined) return bound;
  if (bound !== null && resource !== bound)
    throw invalidTarget(`The grant was authorized for ${bound}, not for ${resource}.`);
  return resource;
}

/** Matches the MCP host of a code or grant against the authenticated client (null: not an MCP host). */
export function sameMcpClient(stored: string | null, client: Pick<ClientRecord, "mcpClient">): boolean {
  return stored === (client.mcpClient?.id ?? null);
}
