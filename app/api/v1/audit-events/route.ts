import { parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { auditPageSchema } from "@/lib/audit-log/audit-filters";
import { readAuditEvents } from "@/lib/audit-log/read-audit-events";

/**
 * The operation logs of the caller's account, newest first: `?from=&to=&actor=&action=&clientId=`
 * filter, `?cursor=` (the answer's nextCursor) pages on, `?limit=` (1–100, default 50).
 */
export const GET = apiRoute(async ({ request, actor }) =>
  readAuditEvents({ actor, query: parseQuery(request, auditPageSchema) }),
);
