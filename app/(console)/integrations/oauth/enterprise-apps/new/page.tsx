import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { PageHeader } from "@/components/console/page-header";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { scopeCatalog } from "@/lib/apps/scope-catalog";
import { CreateApplicationForm } from "../create-application-form";

export const metadata = { title: "Create Application" };

export default async function CreateApplicationPage() {
  await requirePrincipal();
  const abilities = await getAbilities();
  return (
    <>
      <PageHeader
        title="Create Application"

        description="Register an OAuth application of this account. It gets an App ID (client_id); a WebApp or ServerApp also gets a client secret, shown once."
      />
      {abilities.isAdmin ? (
        <CreateApplicationForm
          catalog={scopeCatalog.map((s) => ({ scope: s.scope, title: s.title, description: s.description }))}
        />
      ) : (
        <ForbiddenNotice>
          Only the Alibaba Cloud account or a RAM administrator can create applications.
        </ForbiddenNotice>
      )}
    </>
  );
}
