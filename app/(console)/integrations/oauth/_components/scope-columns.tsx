import { NameCell, type Column } from "@/components/console/data-table";
import { Badge } from "@/components/ui/badge";

/** The scope value under an installer's title: small monospace. */
const SCOPE_VALUE = "font-mono text-xs";

type ScopeRow = { scope: string; title: string; description: string; required: boolean };

/** The words of the scope columns (`oauthScopes.columns`), from the caller's translator. */
export type ScopeColumnWords = (
  key: "scope" | "description" | "type" | "required" | "optional" | "requiredScope" | "optionalScope",
) => string;

/**
 * Scope, Description and Type: how each table of OAuth scopes begins. The provider (Enterprise
 * Applications) names a scope by its value; an installer (Third-party Applications) by its title.
 * Titles and descriptions come already in the viewer's language (scope-text.ts).
 */
export function scopeColumns<T extends ScopeRow>(view: "provider" | "installer", t: ScopeColumnWords): Column<T>[] {
  const provider = view === "provider";
  return [
    {
      header: t("scope"),
      cell: (s) =>
        provider ? (
          <NameCell name={s.scope} detail={s.title} nameClassName="font-mono" />
        ) : (
          <NameCell name={s.title} detail={s.scope} detailClassName={SCOPE_VALUE} />
        ),
    },
    { header: t("description"), className: "text-gray-600", cell: (s) => s.description },
    {
      header: t("type"),
      headerClassName: provider ? "w-28" : "w-36",
      cell: (s) =>
        s.required ? (
          <Badge tone="orange">{t(provider ? "required" : "requiredScope")}</Badge>
        ) : (
          <Badge>{t(provider ? "optional" : "optionalScope")}</Badge>
        ),
    },
  ];
}
