import { readerDb } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { AUDIT_EXPORT_BATCH, type AuditCursor, type AuditFilters } from "./audit-filters";
import { resolveAuditEvents, type AuditEvent } from "./audit-links";
import { listAuditEvents } from "./audit-queries";

/** The CSV's columns: stable English names, for programs as well as spreadsheets. */
export const CSV_COLUMNS = [
  "time",
  "actor",
  "actor_type",
  "via_application",
  "action",
  "target_type",
  "target_id",
  "application",
  "result",
  "detail",
] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell a spreadsheet
 * would run as a formula (starting with = + - @, or a tab or carriage return) gets a leading
 * apostrophe first (OWASP "CSV Injection").
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(event: AuditEvent): string {
  const app = (a: AuditEvent["app"]) => (a ? (a.name ? `${a.name} (${a.clientId})` : a.clientId) : "");
  const cells = [
    event.createdAt.toISOString(),
    event.actor,
    event.actorType,
    app(event.viaApp),
    event.action,
    event.targetType,
    event.targetId,
    app(event.app),
    event.result,
    JSON.stringify(event.detail),
  ];
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/**
 * The operation logs matching `filters` as CSV, streamed: the reader check runs before the first
 * byte, then each pull reads the next keyset page (AUDIT_EXPORT_BATCH rows), so memory stays one
 * page whatever the range, and a client that stops reading stops the queries. Starts with a UTF-8
 * BOM so that spreadsheet programs read Chinese names correctly.
 */
export async function exportAuditCsv({
  actor,
  filters,
}: {
  actor: Principal;
  filters: AuditFilters;
}): Promise<ReadableStream<Uint8Array>> {
  const db = await readerDb(actor);
  const encoder = new TextEncoder();
  let cursor: AuditCursor | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${CSV_COLUMNS.join(",")}\r\n`));
    },
    async pull(controller) {
      const page = await listAuditEvents(db, actor.accountId, { ...filters, cursor, limit: AUDIT_EXPORT_BATCH });
      const events = await resolveAuditEvents(db, actor.accountId, page.items);
      if (events.length) controller.enqueue(encoder.encode(events.map(csvLine).join("")));
      const last = page.items.at(-1);
      if (!page.nextCursor || !last) controller.close();
      else cursor = { at: last.at, id: last.id };
    },
  });
}
