import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "./page-header";

export function ForbiddenNotice({ children }: { children?: React.ReactNode }) {
  const t = useTranslations("console.forbidden");
  return <Alert tone="warning">{children ?? t("notice")}</Alert>;
}

/** What a page shows to someone without read permission: its title (and breadcrumbs), then the notice. */
export function ForbiddenPage(header: React.ComponentProps<typeof PageHeader>) {
  return (
    <>
      <PageHeader {...header} />
      <ForbiddenNotice />
    </>
  );
}
