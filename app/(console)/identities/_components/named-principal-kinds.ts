/**
 * User groups and RAM roles: two kinds of named principals (a name and a description) that share one
 * list page and one pair of Create / Delete buttons. Plain words and paths, so that server pages and
 * client buttons both read them; the buttons take the key, as functions cannot be passed to the client.
 */
export type NamedPrincipalKind = {
  /** "User Group": the buttons and dialogs say "Create User Group" and "Delete User Group". */
  noun: string;
  /** The list page's title. */
  title: string;
  /** The list page's description. */
  description: string;
  /** The name column of the list. */
  nameColumn: string;
  /** The name field of the create dialog. */
  nameLabel: string;
  searchPlaceholder: string;
  /** The empty list's text when a search finds nothing, and when there is nothing yet. */
  noMatch: string;
  none: string;
  /** The console list page; each item's page is `${pagePath}/${id}`. */
  pagePath: string;
  /** The REST collection: POST creates, DELETE `${apiPath}/${id}` deletes. */
  apiPath: string;
  /** The Delete dialog's warning. */
  deleteWarning: (name: string) => string;
  /** The item page's ID row. */
  idLabel: string;
  /** The item page's table of RAM users (members, trusted users); the REST collection is `${apiPath}/${id}/${users.path}`. */
  users: { title: string; addLabel: string; emptyText: string; path: string; beforePolicies: boolean };
};

export const namedPrincipalKinds = {
  group: {
    noun: "User Group",
    title: "User Groups",
    description:
      "A user group holds RAM users that need the same permissions: grant a policy to the group once, and every member has it.",
    nameColumn: "Group Name",
    nameLabel: "Group name",
    searchPlaceholder: "Search by group name or description",
    noMatch: "No user group matches your search.",
    none: "No user groups yet.",
    pagePath: "/identities/groups",
    apiPath: "/api/v1/groups",
    deleteWarning: (name) =>
      `Delete the user group ${name}? Its members leave it and lose the permissions granted to it. This cannot be undone.`,
    idLabel: "Group ID",
    users: {
      title: "Members",
      addLabel: "Add Members",
      emptyText: "This group has no members yet.",
      path: "members",
      beforePolicies: true,
    },
  },
  role: {
    noun: "Role",
    title: "Roles",
    description:
      "A RAM role is a virtual identity with policies but no password: trusted RAM users switch to it and act with its permissions.",
    nameColumn: "Role Name",
    nameLabel: "Role name",
    searchPlaceholder: "Search by role name or description",
    noMatch: "No RAM role matches your search.",
    none: "No RAM roles yet.",
    pagePath: "/identities/roles",
    apiPath: "/api/v1/roles",
    deleteWarning: (name) =>
      `Delete the RAM role ${name}? Everybody acting as ${name} is switched back to their own identity, and the application tokens issued to those role sessions stop working. This cannot be undone.`,
    idLabel: "Role ID",
    users: {
      title: "Trusted Users",
      addLabel: "Add Trusted User",
      emptyText: "No RAM user may switch to this role yet.",
      path: "trustees",
      beforePolicies: false,
    },
  },
} satisfies Record<string, NamedPrincipalKind>;

export type NamedPrincipalKindKey = keyof typeof namedPrincipalKinds;
