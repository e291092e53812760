import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { actionsColumn, DataTable, NameCell, type Column } from "@/components/console/data-table";
import { LocalTime } from "@/components/console/local-time";
import { TabLinks } from "@/components/console/tab-links";
import { Badge } from "@/components/ui/badge";
import type { ApprovalRequestItem, ApprovalView } from "@/lib/apps/approval-queries";
import { readApprovalRequests } from "@/lib/apps/governance-reads";
import { scopeMessageKey } from "@/lib/apps/scope-catalog";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/ram/principal";
import { oauthPageTop } from "../../_components/oauth-page-top";
import { ApproveDialog } from "./approve-dialog";
import { DenyDialog } from "./deny-dialog";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("approvals"))("list.title") };
}

const BASE = "/integrations/oauth/third-party-apps/requests";
type Search = { view?: string; cursor?: string };

/** Requests for Approval (issue 16, item 2): under Third-party Applications, the administrators' queue. */
export default async function ApprovalRequestsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [t, pages, principal, abilities, sp] = await Promise.all([
    getTranslations("approvals"),
    getTranslations("console"),
    requirePrincipal(),
    getAbilities(),
    searchParams,
  ]);
  const view: ApprovalView = sp.view === "answered" ? "answered" : "pending";
  const { header, refusal } = await oauthPageTop(principal, abilities, {
    title: t("list.title"),
    description: t("list.description"),
  });
  if (refusal) return refusal;
  const cursor = sp.cursor?.slice(0, 200) || undefined;
  const page = await readPage(principal, view, cursor);
  const viewHref = (v: ApprovalView) => (v === "pending" ? BASE : `${BASE}?view=answered`);
  return (
    <>
      {header}
      <TabLinks
        label={t("list.views")}
        tabs={(["pending", "answered"] as const).map((v) => ({
          href: viewHref(v),
          label: t(`list.${v}`),
          active: v === view,
        }))}
      />
      <DataTable
        aria-label={t(`list.${view}`)}
        rows={page.items}
        rowKey={(r) => r.id}
        empty={view === "pending" ? t("list.emptyPending") : t("list.emptyAnswered")}
        columns={await columns(view, abilities.isAdmin)}
      />
      <nav aria-label={pages("pagination.label")} className="mt-3 flex justify-end gap-4">
        {cursor ? (
          <Link className="link" href={viewHref(view)}>
            {t("list.first")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link
            className="link"
            href={`${BASE}?${new URLSearchParams({ ...(view === "answered" ? { view } : {}), cursor: page.nextCursor })}`}
          >
            {t("list.next")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}

/** One keyset page; a cursor that is not ours any more (edited, or from an old link) starts from the first page. */
async function readPage(actor: Principal, view: ApprovalView, cursor: string | undefined) {
  try {
    return await readApprovalRequests({ actor, view, cursor });
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid_input") return readApprovalRequests({ actor, view });
    throw error;
  }
}

async function columns(view: ApprovalView, isAdmin: boolean): Promise<(Column<ApprovalRequestItem> | false)[]> {
  const [t, scopes, format] = await Promise.all([
    getTranslations("approvals"),
    getTranslations("scopeCatalog"),
    getFormatter(),
  ]);
  const title = (scope: string) => {
    const key = scopeMessageKey(scope);
    return key ? scopes(`${key}.title`) : scope;
  };
  const titled = (list: string[]) => list.map((scope) => ({ scope, title: title(scope) }));
  const statusBadge = { pending: "orange", approved: "green", denied: "red" } as const;
  const statusWord = { pending: "statusPending", approved: "statusApproved", denied: "statusDenied" } as const;
  return [
    {
      header: t("list.application"),
      className: "long-text",
      cell: (r) => (
        <NameCell
          name={
            <>
              {r.name}
              {r.official ? (
                <span className="ml-2">
                  <Badge tone="blue">{t("list.official")}</Badge>
                </span>
              ) : null}
            </>
          }
          detail={t("list.provider", { provider: r.provider })}
        />
      ),
    },
    {
      header: t("list.scope"),
      cell: (r) => format.list(r.scopes.map(title), { type: "conjunction", style: "narrow" }),
    },
    {
      header: t("list.requestedBy"),
      className: "long-text",
      cell: (r) => (
        <ul>
          {r.requesters.map((q) => (
            <li key={q.label}>
              <NameCell name={q.label} detail={q.reason || null} nameClassName="font-normal" />
            </li>
          ))}
          {r.requesterCount > r.requesters.length ? (
            <li className="text-gray-500">{t("list.more", { count: r.requesterCount - r.requesters.length })}</li>
          ) : null}
        </ul>
      ),
    },
    {
      header: t("list.people"),
      headerClassName: "text-right",
      className: "text-right tabular-nums whitespace-nowrap",
      cell: (r) => t("list.count", { count: r.requesterCount }),
    },
    view === "pending"
      ? { header: t("list.lastRequested"), cell: (r) => <LocalTime value={r.updatedAt.toISOString()} /> }
      : {
          header: t("list.answeredAt"),
          cell: (r) => (r.decidedAt ? <LocalTime value={r.decidedAt.toISOString()} /> : null),
        },
    view === "answered" && {
      header: t("list.status"),
      cell: (r) => (
        <NameCell
          name={<Badge tone={statusBadge[r.status]}>{t(`list.${statusWord[r.status]}`)}</Badge>}
          detail={
            <>
              {r.decidedBy ? <span className="block">{t("list.decidedBy", { who: r.decidedBy })}</span> : null}
              {r.denyReason ? <span className="block">{t("list.reason", { reason: r.denyReason })}</span> : null}
            </>
          }
          nameClassName="font-normal"
        />
      ),
    },
    view === "pending" &&
      isAdmin &&
      actionsColumn("w-32", (r: ApprovalRequestItem) => (
        <span className="flex gap-3">
          <ApproveDialog
            requestId={r.id}
            name={r.name}
            official={r.official}
            required={titled(r.offer.required)}
            optional={titled(r.offer.optional)}
          />
          <DenyDialog requestId={r.id} name={r.name} />
        </span>
      )),
  ];
}
