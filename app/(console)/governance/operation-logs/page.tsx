import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/console/data-table";
import { ForbiddenPage } from "@/components/console/forbidden-notice";
import { PageHeader } from "@/components/console/page-header";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { AUDIT_ACTIONS } from "@/lib/audit-log/audit-actions";
import { AUDIT_RETENTION, auditPageSchema, type AuditPageQuery } from "@/lib/audit-log/audit-filters";
import { readAuditEvents, readAuditRetention } from "@/lib/audit-log/read-audit-events";
import { actionCell, actorCell, labelOf, resultCell, targetCell, timeCell } from "./event-cells";
import { FiltersForm, type FilterValues } from "./filters-form";
import { RetentionButton } from "./retention-button";

const BASE = "/governance/operation-logs";
const FILTERS = ["from", "to", "actor", "action", "clientId"] as const;
type Search = Partial<Record<(typeof FILTERS)[number] | "cursor", string | string[]>>;

export async function generateMetadata() {
  const t = await getTranslations("operationLogs");
  return { title: t("title") };
}

/** The filters as they came (first of repeated parameters), kept in the form even when they are refused. */
function filterValues(sp: Search): FilterValues & { cursor?: string } {
  const values: Record<string, string> = {};
  for (const key of [...FILTERS, "cursor"] as const) {
    const v = sp[key];
    const one = Array.isArray(v) ? v[0] : v;
    if (one) values[key] = one.slice(0, 512);
  }
  return values;
}

export default async function OperationLogsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  const t = await getTranslations("operationLogs");
  const tAll = (await getTranslations()) as unknown as (key: string) => string;
  if (!abilities.canRead) return <ForbiddenPage title={t("title")} />;

  const values = filterValues(await searchParams);
  const parsed = auditPageSchema.safeParse(values);
  const refused = parsed.success
    ? null
    : parsed.error.issues.map((i) => (/^operationLogs\./.test(i.message) ? tAll(i.message) : i.message)).join(" ");
  const query: AuditPageQuery | null = parsed.success ? parsed.data : null;
  const [page, { retentionDays }] = await Promise.all([
    query ? readAuditEvents({ actor: principal, query }) : Promise.resolve({ items: [], nextCursor: null }),
    readAuditRetention({ actor: principal }),
  ]);

  const filterQuery = new URLSearchParams();
  for (const key of FILTERS) if (values[key]) filterQuery.set(key, values[key]!);
  const withCursor = (cursor: string) => `${BASE}?${new URLSearchParams([...filterQuery, ["cursor", cursor]])}`;
  const filtered = FILTERS.some((k) => values[k]);
  const actions = AUDIT_ACTIONS.map((a) => ({ value: a, label: labelOf(t, "actions", a) }));

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <>
            <p>{t("description")}</p>
            <p className="mt-1">{t("retention.summary", { days: retentionDays })}</p>
          </>
        }
        actions={
          <>
            <a
              className={buttonClass("secondary")}
              href={`/api/v1/audit-events/export?${filterQuery}`}
              title={t("exportHint")}
              download
            >
              {t("export")}
            </a>
            {abilities.isAdmin ? (
              <RetentionButton days={retentionDays} min={AUDIT_RETENTION.min} max={AUDIT_RETENTION.max} />
            ) : null}
          </>
        }
      />
      <FiltersForm basePath={BASE} values={values} actions={actions} />
      {refused ? (
        <Alert tone="error" className="mb-3">
          {t("filters.invalid", { reason: refused })}
        </Alert>
      ) : null}
      <DataTable
        aria-label={t("title")}
        rows={page.items}
        rowKey={(e) => String(e.id)}
        empty={filtered ? t("emptyFiltered") : t("empty")}
        columns={[
          { header: t("columns.time"), className: "whitespace-nowrap", cell: timeCell },
          { header: t("columns.actor"), className: "min-w-48", cell: (e) => actorCell(t, e) },
          { header: t("columns.action"), className: "min-w-36", cell: (e) => actionCell(t, e) },
          { header: t("columns.target"), className: "min-w-48", cell: (e) => targetCell(t, e) },
          { header: t("columns.result"), cell: (e) => resultCell(t, e) },
        ]}
      />
      <nav
        aria-label={t("pagination.label")}
        className="mt-3 flex flex-wrap items-center justify-end gap-3 text-gray-600"
      >
        <span>{t("pagination.count", { count: page.items.length })}</span>
        {values.cursor ? (
          <Link className="link" href={`${BASE}?${filterQuery}`}>
            {t("pagination.newest")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link className="link" href={withCursor(page.nextCursor)} rel="next">
            {t("pagination.older")}
          </Link>
        ) : (
          <span className="text-gray-500">{t("pagination.older")}</span>
        )}
      </nav>
    </>
  );
}
