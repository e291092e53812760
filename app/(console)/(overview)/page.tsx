import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { actorLabel } from "@/lib/ram/principal";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

const cards = [
  { href: "/identities/users", key: "users" },
  { href: "/identities/roles", key: "roles" },
  { href: "/integrations/oauth", key: "oauth" },
] as const;

export default async function OverviewPage() {
  const [t, format] = await Promise.all([getTranslations("overview"), getFormatter()]);
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  return (
    <>
      <PageHeader title={t("title")} />
      <section className="mb-5 rounded-sm border border-gray-200 bg-white p-5">
        <h2 className="mb-3 font-semibold">{t("identity.title")}</h2>
        <dl className="grid grid-cols-[12rem_1fr] gap-y-2">
          <dt className="text-gray-500">{t("identity.signedInAs")}</dt>
          <dd>{actorLabel(principal)}</dd>
          <dt className="text-gray-500">{t("identity.account")}</dt>
          <dd>{t("identity.accountValue", { alias: principal.accountAlias, uid: principal.accountUid })}</dd>
          <dt className="text-gray-500">{t("identity.policies")}</dt>
          <dd>
            {abilities.policies.length
              ? format.list(abilities.policies, { type: "conjunction", style: "narrow" })
              : t("identity.none")}
          </dd>
          <dt className="text-gray-500">{t("identity.administrator")}</dt>
          <dd>{abilities.isAdmin ? t("identity.yes") : t("identity.no")}</dd>
        </dl>
      </section>
      <section className="grid gap-4 md:grid-cols-3">
        {cards.map((c) => (
          <Link key={c.href} href={c.href} className="rounded-sm border border-gray-200 bg-white p-4 hover:border-link">
            <div className="mb-1 font-semibold">{t(`cards.${c.key}.title`)}</div>
            <div className="text-gray-600">{t(`cards.${c.key}.text`)}</div>
          </Link>
        ))}
      </section>
    </>
  );
}
