import { Alert } from "@/components/ui/alert";

export function ForbiddenNotice({ children }: { children?: React.ReactNode }) {
  return (
    <Alert tone="warning">
      {children ??
        "You do not have permission to view this page. Ask an administrator of this account for AliyunRAMReadOnlyAccess."}
    </Alert>
  );
}
