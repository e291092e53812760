import { Alert } from "@/components/ui/alert";
import { PageHeader } from "./page-header";

export function ForbiddenNotice({ children }: { children?: React.ReactNode }) {
  return (
    <Alert tone="warning">
      {children ??
        "You do not have permission to view this page. Ask an administrator of this account for AliyunRAMReadOnlyAccess."}
    </Alert>
  );
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
