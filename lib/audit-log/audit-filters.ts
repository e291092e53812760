import { z } from "zod";

/** Rows per page of the operation logs, and per statement of the CSV export. */
export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_BATCH = 1000;

/** A keyset cursor: the last row's time (microseconds, UTC) and id, base64url. */
export type AuditCursor = { at: string; id: number };
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(c: AuditCursor): string {
  return Buffer.from(`${c.at}|${c.id}`).toString("base64url");
}

export function decodeCursor(text: string): AuditCursor | null {
  const [at, id, ...rest] = Buffer.from(text, "base64url").toString("utf8").split("|");
  if (rest.length || !at || !CURSOR_TIME.test(at) || !id || !/^\d{1,18}$/.test(id)) return null;
  return { at, id: Number(id) };
}

/** An empty parameter is no filter; anything else must be a date. */
const dateParam = (name: "from" | "to") =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.date({ message: `operationLogs.validation.${name}` }).optional(),
  );

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "operationLogs.validation.tooLong")
    .transform((v) => v || undefined)
    .optional();

/**
 * The filters of the operation logs, shared by GET /api/v1/audit-events, its CSV export and the
 * page: a time range (ISO 8601 with offset, or a date), the person (logon name or e-mail), the action,
 * the application (client_id, as the event's subject or the application whose token made the call).
 */
export const auditFiltersSchema = z
  .object({
    from: dateParam("from"),
    to: dateParam("to"),
    actor: optionalText(256).transform((v) => v?.toLowerCase()),
    action: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{0,64}$/, "operationLogs.validation.action")
      .transform((v) => v || undefined)
      .optional(),
    clientId: optionalText(128),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "operationLogs.validation.range", path: ["from"] });
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const auditPageSchema = auditFiltersSchema.and(
  z.object({
    cursor: z
      .string()
      .max(200)
      .optional()
      .refine((c) => c === undefined || c === "" || decodeCursor(c) !== null, "operationLogs.validation.cursor")
      .transform((c) => (c ? decodeCursor(c)! : undefined)),
    limit: z.coerce.number().int().min(1).max(100).default(AUDIT_PAGE_SIZE),
  }),
);
export type AuditPageQuery = z.infer<typeof auditPageSchema>;

/** Retention of the operation logs, in days, per account. */
export const AUDIT_RETENTION = { min: 1, max: 3650, default: 180 } as const;
const RETENTION_MESSAGE = "operationLogs.validation.retentionDays";
export const auditRetentionSchema = z
  .object({
    retentionDays: z
      .number({ message: RETENTION_MESSAGE })
      .int(RETENTION_MESSAGE)
      .min(AUDIT_RETENTION.min, RETENTION_MESSAGE)
      .max(AUDIT_RETENTION.max, RETENTION_MESSAGE),
  })
  .strict();
