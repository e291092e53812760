import { z } from "zod";
import { parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { APPROVAL_VIEWS } from "@/lib/apps/approval-queries";
import { readApprovalRequests } from "@/lib/apps/governance-reads";

const querySchema = z.object({
  view: z.enum(APPROVAL_VIEWS).default("pending"),
  cursor: z.string().max(200).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** The account's requests for approval, newest activity first: `view=pending` (default) or `answered`; `nextCursor` pages on. */
export const GET = apiRoute(async ({ request, actor }) =>
  readApprovalRequests({ actor, ...parseQuery(request, querySchema) }),
);
