import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ForbiddenPage } from "@/components/console/forbidden-notice";
import { PrincipalFrame } from "../../_components/principal-frame";
import { Badge } from "@/components/ui/badge";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { logonNameOf } from "@/lib/ram/principal";
import { getUser } from "@/lib/ram/queries";
import { UserActions } from "./user-actions";
import { UserAuthorizedApps } from "./authorized-apps-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("identities.users.detail"))("title") };
}

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const [t, format] = await Promise.all([getTranslations("identities"), getFormatter()]);
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead) return <ForbiddenPage title={t("users.detail.title")} />;
  const user = await getUser({ actor: principal, userId });
  if (!user) notFound();
  const logonName = logonNameOf(user.name, principal.accountAlias);
  const groups = user.groups.map((g) => g.name);
  return (
    <PrincipalFrame
      title={logonName}
      actions={abilities.isAdmin ? <UserActions userId={user.id} logonName={logonName} enabled={user.enabled} /> : null}
      facts={[
        [t("users.detail.logonName"), logonName],
        [t("users.detail.displayName"), user.displayName],
        [
          t("users.status"),
          user.enabled ? (
            <Badge tone="green">{t("users.enabled")}</Badge>
          ) : (
            <Badge tone="red">{t("users.disabled")}</Badge>
          ),
        ],
        [t("users.detail.id"), user.id, "font-mono text-xs"],
        [
          t("users.detail.groups"),
          groups.length ? format.list(groups, { type: "conjunction", style: "narrow" }) : t("common.none"),
        ],
      ]}
      policies={{ apiBase: `/api/v1/users/${user.id}/policies`, attached: user.policies, canEdit: abilities.isAdmin }}
      after={<UserAuthorizedApps actor={principal} userId={user.id} user={logonName} />}
    />
  );
}
