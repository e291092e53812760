import { Notice } from "./document";
import { LOOPBACK_HOSTS } from "@/lib/apps/registration-uri-rules";
import type { ProtocolUi } from "./page-language";

/** The MCP host asking through OpenAPI MCP Server (lib/apps/mcp-clients.ts), as the consent screen shows it. */
export type McpClientData = {
  /** The host's own claim, shown as written. */
  name: string;
  clientId: string;
  registration: "dynamic" | "metadataDocument";
  redirectUris: string[];
};

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/**
 * MCP authorization §"Security Considerations" (client ID metadata documents, dynamic registration):
 * the host's name is its own claim, so it is marked unverified; where the answer goes is shown
 * prominently, with a warning when every redirect URI is on this computer (any local program could
 * have registered as this client).
 */
export function McpClientNotice({
  ui: { t },
  mcp,
  redirectHost,
}: {
  ui: ProtocolUi;
  mcp: McpClientData;
  redirectHost: string;
}) {
  const loopbackOnly = mcp.redirectUris.every((uri) => LOOPBACK_HOSTS.has(new URL(uri).hostname));
  return (
    <section className="app" aria-label={t("consent.mcp.label")}>
      <dl className="facts">
        <dt>{t("consent.mcp.client")}</dt>
        <dd>{t.rich("consent.mcp.name", { name: mcp.name, strong })}</dd>
        <dt>{t("consent.mcp.clientId")}</dt>
        <dd className="mono">{mcp.clientId}</dd>
        <dt>{t("consent.mcp.registeredBy")}</dt>
        <dd>{t(`consent.mcp.registration.${mcp.registration}`)}</dd>
      </dl>
      <Notice tone="warn">
        <p>{t.rich("consent.mcp.answerGoes", { host: redirectHost, strong })}</p>
        {loopbackOnly ? <p>{t("consent.mcp.loopbackOnly", { host: redirectHost, name: mcp.name })}</p> : null}
      </Notice>
    </section>
  );
}
