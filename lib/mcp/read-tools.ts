import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { readInstallations } from "@/lib/apps/reads";
import {
  getGroup,
  getRole,
  getUser,
  listGroups,
  listOwnPolicyNames,
  listPolicyUsage,
  listRoles,
  listUsers,
} from "@/lib/ram/queries";
import { idInput, pageInput, runTool, type ToolCaller } from "./tool-context";

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;

/** The read tools: anyone assigned may call them; the reads themselves check RAM read permission. */
export function registerReadTools(server: McpServer, caller: ToolCaller): void {
  const { actor } = caller;
  const read = (name: string, description: string, fn: () => Promise<unknown>) =>
    server.registerTool(name, { description, annotations: READ_ONLY }, () => runTool(caller, name, fn));

  read("whoami", "Who you are in the RAM console, and the RAM policies that apply to you.", async () => ({
    logonName: actor.logonName,
    kind: actor.kind,
    account: { alias: actor.accountAlias, uid: actor.accountUid },
    role: actor.roleName,
    policies: await listOwnPolicyNames({ actor }),
  }));
  read("list_policies", "The system policies, with how many users, groups and roles have each attached.", () =>
    listPolicyUsage({ actor }),
  );

  type ListFn = (read: { actor: typeof actor; search?: string; page?: number }) => Promise<unknown>;
  const list = (name: string, description: string, fn: ListFn) =>
    server.registerTool(name, { description, inputSchema: pageInput, annotations: READ_ONLY }, (args) =>
      runTool(caller, name, () => fn({ actor, ...args })),
    );
  list("list_users", "List the RAM users of your account.", listUsers);
  list("list_groups", "List the user groups of your account.", listGroups);
  list("list_roles", "List the RAM roles of your account.", listRoles);
  list("list_third_party_apps", "List the third-party applications installed in your account.", readInstallations);

  // One record by id; the input is named after it, so that a host sees e.g. { userId: "…RAM user…" }.
  const get = (name: string, description: string, key: string, noun: string, fn: (id: string) => Promise<unknown>) =>
    server.registerTool(name, { description, inputSchema: { [key]: idInput(noun) }, annotations: READ_ONLY }, (args) =>
      runTool(caller, name, () => fn(String(args[key]))),
    );
  get("get_user", "A RAM user with the policies attached to it and its groups.", "userId", "RAM user", (userId) =>
    getUser({ actor, userId }),
  );
  get("get_group", "A user group with its members and attached policies.", "groupId", "user group", (groupId) =>
    getGroup({ actor, groupId }),
  );
  get("get_role", "A RAM role with its trusted users and attached policies.", "roleId", "RAM role", (roleId) =>
    getRole({ actor, roleId }),
  );
}
