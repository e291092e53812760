import { NamedPrincipalDetail } from "../../_components/named-principal-detail";

export const metadata = { title: "User Group" };

export default async function GroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  return <NamedPrincipalDetail kind="group" id={(await params).groupId} />;
}
