import type { Messages } from "./messages";

/**
 * The parts of the catalogs the browser needs: what the client components ask for with
 * useTranslations (tests/i18n/client-messages.unit.test.ts keeps this list equal to what they ask
 * for, following their imports). Everything else — the consent pages, the API's errors and
 * validation messages, the scope catalog, what only server components write — stays on the server,
 * so that a page does not carry the whole catalog of its language.
 */
export const CLIENT_NAMESPACES = [
  "approvals.approve",
  "approvals.deny",
  "approvals.tab",
  "authorizedApps",
  "common.brand",
  "common.language",
  "console",
  "enterpriseApps.create",
  "enterpriseApps.delete",
  "enterpriseApps.edit",
  "enterpriseApps.fields",
  "enterpriseApps.oauthVersion",
  "enterpriseApps.secretDialog",
  "enterpriseApps.secrets",
  "errorPages.error",
  "identities",
  "oauthScopes",
  "operationLogs.filters",
  "operationLogs.retention",
  "revokeImpact",
  "signIn",
  "thirdPartyApps.assignments",
  "thirdPartyApps.delete",
  "thirdPartyApps.provision",
] as const;

type Tree = { [key: string]: string | Tree };

/** The catalog cut to CLIENT_NAMESPACES, keeping their dotted paths. */
export function clientMessages(messages: Messages): Tree {
  const picked: Tree = {};
  for (const namespace of CLIENT_NAMESPACES) {
    const parts = namespace.split(".");
    let from: string | Tree | undefined = messages as unknown as Tree;
    let to = picked;
    for (const [i, part] of parts.entries()) {
      from = typeof from === "object" ? from[part] : undefined;
      if (from === undefined) break;
      if (i === parts.length - 1) to[part] = from;
      else to = (to[part] ??= {}) as Tree;
    }
  }
  return picked;
}
