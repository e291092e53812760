import { SideNav } from "@/components/console/side-nav";
import { TopBar } from "@/components/console/top-bar";
import { Toaster } from "@/components/ui/toast";
import { requirePrincipal } from "@/lib/auth/current";
import { actorLabel } from "@/lib/ram/principal";
import { listAssumableRoles } from "@/lib/ram/queries";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const principal = await requirePrincipal();
  const roles = await listAssumableRoles({ actor: principal });
  return (
    <div className="flex min-h-screen flex-col">
      <TopBar
        identity={{
          label: actorLabel(principal),
          displayName: principal.displayName,
          kind: principal.kind,
          accountAlias: principal.accountAlias,
          accountUid: principal.accountUid,
          roleName: principal.roleName,
        }}
        roles={roles}
      />
      <div className="flex flex-1">
        <SideNav />
        <main id="main" className="min-w-0 flex-1 px-6 py-5">
          {children}
        </main>
      </div>
      <Toaster />
    </div>
  );
}
