import type { AppType, OAuthVersion } from "./schema";

/**
 * The platform account that publishes the official applications. Not a person: it exists in every
 * installation (production too) and nobody can sign in as it (its password is random and unknown).
 */
export const PLATFORM_ACCOUNT = {
  alias: "aliyun-official",
  uid: "1580000000000000",
  ownerEmail: "official@platform.example",
} as const;

/** The OpenAPI MCP Server official application: the resource `/mcp` serves, and the one MCP hosts act through. */
export const MCP_SERVER_CLIENT_ID = "4000000000000000001";

/**
 * The official applications (the seed: "For example: OpenAPI MCP Server"). A catalog, not demo
 * data: loaded into every database at start (db/catalog.ts).
 */
export const officialApps: {
  clientId: string;
  name: string;
  type: AppType;
  oauthVersion: OAuthVersion;
  redirectUris: string[];
  description: string;
  logoUrl: string;
  homepageUrl: string;
  scopes: [string, boolean][];
}[] = [
  {
    clientId: MCP_SERVER_CLIENT_ID,
    name: "OpenAPI MCP Server",
    type: "NativeApp",
    // MCP authorization (2025-11-25) builds on OAuth 2.1.
    oauthVersion: "2.1",
    redirectUris: ["http://127.0.0.1:8766/callback"],
    description:
      "The official MCP server: lets AI assistants call cloud service APIs as you, within your own permissions.",
    logoUrl: "/logos/mcp-server.svg",
    homepageUrl: "https://api.example.com/mcp",
    scopes: [
      ["openid", true],
      ["/acs/mcp-server", true],
      ["profile", false],
      ["permissions", false],
    ],
  },
  {
    clientId: "4000000000000000002",
    name: "Official CLI",
    type: "NativeApp",
    oauthVersion: "2.0",
    redirectUris: ["http://127.0.0.1:12345/cli/callback"],
    description: "The official command-line tool: sign in from your terminal with your RAM identity.",
    logoUrl: "/logos/cli.svg",
    homepageUrl: "https://cli.example.com",
    scopes: [
      ["openid", true],
      ["profile", true],
      ["/acs/ram", false],
    ],
  },
  {
    clientId: "4000000000000000003",
    name: "Cloud Shell",
    type: "WebApp",
    oauthVersion: "2.0",
    redirectUris: ["https://shell.example.com/callback"],
    description: "A browser terminal that signs you in to the cloud with your RAM identity.",
    logoUrl: "/logos/cloud-shell.svg",
    homepageUrl: "https://shell.example.com",
    scopes: [
      ["openid", true],
      ["profile", true],
      ["aliuid", false],
      ["permissions", false],
    ],
  },
];
