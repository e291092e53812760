import { NamedPrincipalDetail } from "../../_components/named-principal-detail";

export const metadata = { title: "Role" };

export default async function RolePage({ params }: { params: Promise<{ roleId: string }> }) {
  return <NamedPrincipalDetail kind="role" id={(await params).roleId} />;
}
