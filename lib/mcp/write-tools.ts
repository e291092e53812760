import { z } from "zod";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { principalType } from "@/db/schema";
import { attachPolicy } from "@/lib/ram/attachments/attach-policy";
import { addGroupMember } from "@/lib/ram/groups/add-group-member";
import { systemPolicies } from "@/lib/ram/policies";
import { createUser } from "@/lib/ram/users/create-user";
import { idInput, runTool, type ToolCaller } from "./tool-context";

const WRITE = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false } as const;

/**
 * The write tools: the console's own services, which refuse (forbidden) unless the person's RAM
 * policies make them an administrator; each writes its own audit event in its transaction.
 */
export function registerWriteTools(server: McpServer, caller: ToolCaller): void {
  const { actor } = caller;
  server.registerTool(
    "create_user",
    {
      description: "Create a RAM user in your account (needs AliyunRAMFullAccess or AdministratorAccess).",
      inputSchema: {
        name: z.string().max(64).describe("Logon name prefix: lowercase letters, digits, '.', '_' or '-'"),
        displayName: z.string().max(128).describe("Display name"),
        password: z.string().max(128).describe("Initial password: 8+ characters, upper- and lowercase, digits"),
      },
      annotations: WRITE,
    },
    (input) => runTool(caller, "create_user", () => createUser({ actor, input })),
  );
  server.registerTool(
    "add_user_to_group",
    {
      description: "Add a RAM user to a user group (needs AliyunRAMFullAccess or AdministratorAccess).",
      inputSchema: { groupId: idInput("user group"), userId: idInput("RAM user") },
      annotations: WRITE,
    },
    ({ groupId, userId }) =>
      runTool(caller, "add_user_to_group", async () => {
        await addGroupMember({ actor, groupId, userId });
        return { added: true, groupId, userId };
      }),
  );
  server.registerTool(
    "attach_policy",
    {
      description:
        "Attach a system policy to a RAM user, group or role (needs AliyunRAMFullAccess or AdministratorAccess).",
      inputSchema: {
        principalType: z.enum(principalType).describe("What gets the policy"),
        principalId: idInput("user, group or role"),
        policyName: z.enum(systemPolicies.map((p) => p.name) as [string, ...string[]]).describe("A system policy"),
      },
      annotations: WRITE,
    },
    (args) =>
      runTool(caller, "attach_policy", async () => {
        await attachPolicy({ actor, ...args });
        return { attached: true, ...args };
      }),
  );
}
