import { getTranslations } from "next-intl/server";
import { SectionHeading, sectionId } from "@/components/console/table-section";
import { readUserAuthorizedApps } from "@/lib/apps/governance-reads";
import type { Principal } from "@/lib/ram/principal";
import { AuthorizedAppsTable } from "../../../authorized-apps/authorized-apps-table";

/** A user's authorized applications on their page, read-only: the list they see on My Authorized Applications. */
export async function UserAuthorizedApps({ actor, userId, user }: { actor: Principal; userId: string; user: string }) {
  const t = await getTranslations("authorizedApps");
  const apps = (await readUserAuthorizedApps({ actor, userId })) ?? [];
  const id = sectionId("authorized-applications");
  return (
    <section aria-labelledby={id} className="mb-6">
      <SectionHeading id={id} title={t("user.title")} className="mb-2" />
      <p className="mb-2 text-gray-600">{t("user.description", { user })}</p>
      <AuthorizedAppsTable apps={apps} canRevoke={false} empty={t("userEmpty", { user })} aria-labelledby={id} />
    </section>
  );
}
