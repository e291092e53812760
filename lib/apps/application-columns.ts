import { applications } from "@/db/schema";

/**
 * What an application is, as the console shows it and the authorization server reads it: never
 * its secrets' hashes, and not its internal id or owner account (each reader adds what it needs).
 */
export const applicationColumns = {
  clientId: applications.clientId,
  name: applications.name,
  type: applications.type,
  redirectUris: applications.redirectUris,
  description: applications.description,
  logoUrl: applications.logoUrl,
  homepageUrl: applications.homepageUrl,
  accessTokenValidity: applications.accessTokenValidity,
  refreshTokenValidity: applications.refreshTokenValidity,
  thirdParty: applications.thirdParty,
  official: applications.official,
};

/** Some of those columns, for a read that needs only these. */
export function pickAppColumns<K extends keyof typeof applicationColumns>(...keys: K[]) {
  return Object.fromEntries(keys.map((k) => [k, applicationColumns[k]])) as Pick<typeof applicationColumns, K>;
}
