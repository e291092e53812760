/**
 * User groups and RAM roles: two kinds of named principals (a name and a description) that share one
 * list page and one pair of Create / Delete buttons. Paths only, so that server pages and client
 * buttons both read them (the buttons take the key, as functions cannot be passed to the client);
 * their words are in the catalogs under `identities.<kind>` (lib/i18n/messages/<locale>/identities.json).
 */
export type NamedPrincipalKind = {
  /** The console list page; each item's page is `${pagePath}/${id}`. */
  pagePath: string;
  /** The REST collection: POST creates, DELETE `${apiPath}/${id}` deletes. */
  apiPath: string;
  /** The item page's table of RAM users (members, trusted users); the REST collection is `${apiPath}/${id}/${users.path}`. */
  users: { path: string; beforePolicies: boolean };
};

export const namedPrincipalKinds = {
  group: {
    pagePath: "/identities/groups",
    apiPath: "/api/v1/groups",
    users: { path: "members", beforePolicies: true },
  },
  role: {
    pagePath: "/identities/roles",
    apiPath: "/api/v1/roles",
    users: { path: "trustees", beforePolicies: false },
  },
} satisfies Record<string, NamedPrincipalKind>;

export type NamedPrincipalKindKey = keyof typeof namedPrincipalKinds;
