import { z, ZodError } from "zod";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { AppError, type MessageRef } from "@/lib/errors";
import { renderMessage } from "@/lib/i18n/translator";
import { issueMessage } from "@/lib/oauth/error-response";
import type { Principal } from "@/lib/ram/principal";

/** Who calls a tool: the person the access token stands for, through which MCP host. */
export type ToolCaller = { actor: Principal; client: { clientId: string; name: string } };

export const pageInput = {
  search: z.string().trim().max(64).optional().describe("Only names containing this text"),
  page: z.number().int().min(1).max(10_000).optional().describe("Page number, from 1 (20 per page)"),
};

/** An id argument: ids that are not UUIDs find nothing, as in the console. */
export const idInput = (what: string) => z.string().uuid().describe(`The ${what}'s ID (a UUID)`);

const text = (value: unknown): CallToolResult["content"] => [{ type: "text", text: JSON.stringify(value, null, 2) }];

/**
 * Runs a tool as the person: the domain read or service checks the person's RAM policies itself
 * (readerDb / requireAdmin), so a refusal is theirs, answered as a tool error (MCP tools §
 * "Error Handling": isError, not a protocol error). Every call, allowed or refused, is audited
 * with the MCP host's name, in its own transaction.
 */
export async function runTool(caller: ToolCaller, tool: string, fn: () => Promise<unknown>): Promise<CallToolResult> {
  let result: CallToolResult;
  let outcome: string;
  try {
    const value = await fn();
    result =
      value === null
        ? refusal("not_found", english({ key: "apiErrors.api.noSuchResource" }))
        : { content: text(value) };
    outcome = value === null ? "not_found" : "ok";
  } catch (error) {
    if (error instanceof AppError) {
      result = refusal(error.code, error.ref ? english(error.ref) : error.message);
      outcome = error.code;
    } else if (error instanceof ZodError) {
      result = refusal("invalid_input", error.issues.map((i) => issueMessage(i, "en")).join("; "));
      outcome = "invalid_input";
    } else throw error;
  }
  const db = await getDb();
  await db.transaction((tx) =>
    recordAudit(tx, caller.actor, {
      action: "CallMcpTool",
      targetType: "mcp-tool",
      targetId: tool,
      detail: { mcpClient: caller.client.name, mcpClientId: caller.client.clientId, outcome },
    }),
  );
  return result;
}

/** Tool results are read by MCP hosts, programs: the catalog's English. */
const english = (ref: MessageRef) => renderMessage(ref, "en");

function refusal(code: string, message: string): CallToolResult {
  const hint = code === "forbidden" ? " Your RAM policies do not allow this; ask an administrator." : "";
  return { isError: true, content: [{ type: "text", text: `${code}: ${message}${hint}` }] };
}
