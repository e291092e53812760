import { getDb } from "@/db/client";
import { getMcpClientRow } from "@/lib/apps/mcp-clients";
import { registerMcpClient } from "@/lib/apps/register-mcp-client";
import { parseMcpClientMetadata } from "./mcp-client-metadata";
import { fetchDocument } from "./safe-fetch";

/** How long a fetched document is trusted: its Cache-Control max-age, within these bounds (seconds). */
const CACHE = { min: 60, default: 3600, max: 86_400 } as const;

/** OAuth Client ID Metadata Document draft §3: the client_id is an https URL with a path. */
export function isMetadataDocumentId(clientId: string): boolean {
  if (!URL.canParse(clientId)) return false;
  const url = new URL(clientId);
  return url.protocol === "https:" && url.pathname !== "/" && !url.hash && !url.username && !url.password;
}

export function cacheSeconds(cacheControl: string | null): number {
  if (cacheControl && /(?:^|,)\s*(?:no-store|no-cache)\b/i.test(cacheControl)) return CACHE.min;
  const maxAge = /(?:^|,)\s*max-age=(\d+)/i.exec(cacheControl ?? "")?.[1];
  if (maxAge === undefined) return CACHE.default;
  return Math.min(CACHE.max, Math.max(CACHE.min, Number(maxAge)));
}

/**
 * Before an authorization request of a URL client_id: fetches the document unless a fresh copy is
 * cached (HTTP caching, bounded), checks that it names itself (`client_id` equals its URL, draft
 * §4.1) and describes a public client with acceptable redirect URIs, and records it as an MCP host
 * (lib/apps/mcp-clients.ts). Returns an error description, or null when the client can be used.
 */
export async function refreshMetadataDocument(clientId: string): Promise<string | null> {
  if (!isMetadataDocumentId(clientId)) return null;
  const cached = await getMcpClientRow(await getDb(), clientId);
  if (cached?.kind === "metadata-document" && cached.refreshAfter && cached.refreshAfter.getTime() > Date.now())
    return null;
  let doc: Awaited<ReturnType<typeof fetchDocument>>;
  try {
    doc = await fetchDocument(new URL(clientId));
  } catch (error) {
    return `The client metadata document could not be fetched (${(error as Error).message}).`;
  }
  if (doc.status !== 200) return `The client metadata document answered HTTP ${doc.status}.`;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(doc.body) as Record<string, unknown>;
  } catch {
    return "The client metadata document is not JSON.";
  }
  if (body.client_id !== clientId) return "The client metadata document's client_id is not its own URL.";
  try {
    // The draft does not require application_type: a document without one is a native host.
    if (body.client_secret !== undefined) return "A client metadata document must not carry a client_secret.";
    const metadata: Record<string, unknown> = { ...body };
    delete metadata.client_id;
    const parsed = parseMcpClientMetadata({ application_type: "native", ...metadata });
    const refreshAfter = new Date(Date.now() + cacheSeconds(doc.cacheControl) * 1000);
    await registerMcpClient({ kind: "metadata-document", clientId, refreshAfter, ...parsed });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
