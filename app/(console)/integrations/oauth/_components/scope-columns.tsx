import { NameCell, type Column } from "@/components/console/data-table";
import { Badge } from "@/components/ui/badge";

type ScopeRow = { scope: string; title: string; description: string; required: boolean };

/**
 * Scope, Description and Type: how each table of OAuth scopes begins. The provider (Enterprise
 * Applications) names a scope by its value; an installer (Third-party Applications) by its title.
 */
export function scopeColumns<T extends ScopeRow>(view: "provider" | "installer"): Column<T>[] {
  const provider = view === "provider";
  const kind = provider ? "" : " scope";
  return [
    {
      header: "Scope",
      cell: (s) =>
        provider ? (
          <NameCell name={s.scope} detail={s.title} nameClassName="font-mono" />
        ) : (
          <NameCell name={s.title} detail={s.scope} detailClassName="font-mono text-xs" />
        ),
    },
    { header: "Description", className: "text-gray-600", cell: (s) => s.description },
    {
      header: "Type",
      headerClassName: provider ? "w-28" : "w-36",
      cell: (s) => (s.required ? <Badge tone="orange">Required{kind}</Badge> : <Badge>Optional{kind}</Badge>),
    },
  ];
}
