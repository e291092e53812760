/**
 * The scopes an application may declare. Descriptions are shown on the consent screen.
 * `openid` is every application's default scope and cannot be removed (RAM: "default scope").
 * The English title and description here are what the API and the discovery document carry; screens
 * show them in the viewer's language from the catalog `scopeCatalog.<messageKey>` (lib/i18n/messages).
 */
export const scopeCatalog = [
  {
    scope: "openid",
    messageKey: "openid",
    title: "OpenID",
    description: "Your OpenID: a string that stands for you in this application, without your UID or name.",
  },
  { scope: "profile", messageKey: "profile", title: "Profile", description: "Your display name and logon name." },
  {
    scope: "aliuid",
    messageKey: "aliuid",
    title: "Alibaba Cloud UID",
    description: "The UID of your Alibaba Cloud account and of your RAM user.",
  },
  {
    scope: "permissions",
    messageKey: "permissions",
    title: "Permission information",
    description: "The RAM policies that apply to you.",
  },
  {
    scope: "/acs/ram",
    messageKey: "acsRam",
    title: "Resource Access Management",
    description: "Call the RAM console API as you, within your own permissions.",
  },
  {
    scope: "/acs/mcp-server",
    messageKey: "acsMcpServer",
    title: "OpenAPI MCP Server",
    description: "Let the official MCP server call cloud service APIs as you, within your own permissions.",
  },
] as const;

export type ScopeName = (typeof scopeCatalog)[number]["scope"];
export const DEFAULT_SCOPE = "openid";

const byName = new Map<string, (typeof scopeCatalog)[number]>(scopeCatalog.map((s) => [s.scope, s]));

export function isKnownScope(scope: string): scope is ScopeName {
  return byName.has(scope);
}

export type ScopeMessageKey = (typeof scopeCatalog)[number]["messageKey"];

/** The catalog key of one of our scopes (`scopeCatalog.<key>.title|description`); undefined for others. */
export function scopeMessageKey(scope: string): ScopeMessageKey | undefined {
  return byName.get(scope)?.messageKey;
}

export function describeScope(scope: string): { scope: string; title: string; description: string } {
  return byName.get(scope) ?? { scope, title: scope, description: "" };
}
