import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { auditRetentionSchema } from "@/lib/audit-log/audit-filters";
import { readAuditRetention } from "@/lib/audit-log/read-audit-events";
import { setAuditRetention } from "@/lib/audit-log/set-audit-retention";

/** How many days the caller's account keeps its operation logs. */
export const GET = apiRoute(async ({ actor }) => readAuditRetention({ actor }));

/** Sets the retention (administrators): `{ "retentionDays": 1–3650 }`. */
export const PUT = apiRoute(async ({ request, actor }) =>
  setAuditRetention({ actor, input: await parseJson(request, auditRetentionSchema) }),
);
