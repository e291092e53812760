import { Notice } from "./document";
import { LOOPBACK_HOSTS } from "@/lib/apps/registration-uri-rules";

/** The MCP host asking through OpenAPI MCP Server (lib/apps/mcp-clients.ts), as the consent screen shows it. */
export type McpClientData = { name: string; clientId: string; registration: string; redirectUris: string[] };

/**
 * MCP authorization §"Security Considerations" (client ID metadata documents, dynamic registration):
 * the host's name is its own claim, so it is marked unverified; where the answer goes is shown
 * prominently, with a warning when every redirect URI is on this computer (any local program could
 * have registered as this client).
 */
export function McpClientNotice({ mcp, redirectHost }: { mcp: McpClientData; redirectHost: string }) {
  const loopbackOnly = mcp.redirectUris.every((uri) => LOOPBACK_HOSTS.has(new URL(uri).hostname));
  return (
    <section className="app" aria-label="MCP client">
      <dl className="facts">
        <dt>MCP client</dt>
        <dd>
          {mcp.name} <strong>(unverified: the name is the client&apos;s own claim)</strong>
        </dd>
        <dt>Client ID</dt>
        <dd className="mono">{mcp.clientId}</dd>
        <dt>Registered by</dt>
        <dd>{mcp.registration}</dd>
      </dl>
      <Notice tone="warn">
        <p>
          <strong>The answer goes to {redirectHost}.</strong> Continue only if you are connecting an MCP client you
          trust: it will act in the console as you, with your RAM permissions.
        </p>
        {loopbackOnly ? (
          <p>
            This client only redirects to this computer ({redirectHost}). Any program running here could have registered
            under this name: grant only if you just started {mcp.name} yourself.
          </p>
        ) : null}
      </Notice>
    </section>
  );
}
