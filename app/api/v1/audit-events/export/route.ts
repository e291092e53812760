import { parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { auditFiltersSchema } from "@/lib/audit-log/audit-filters";
import { exportAuditCsv } from "@/lib/audit-log/export-audit-csv";

/** The operation logs matching the same filters as GET /api/v1/audit-events, as a streamed CSV file. */
export const GET = apiRoute(async ({ request, actor }) => {
  const filters = parseQuery(request, auditFiltersSchema);
  const body = await exportAuditCsv({ actor, filters });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="operation-logs-${day}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
