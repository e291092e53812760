import Link from "next/link";
import { PageHeader } from "@/components/console/page-header";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { actorLabel } from "@/lib/ram/principal";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  return (
    <>
      <PageHeader title="Overview" />
      <section className="mb-5 rounded-sm border border-gray-200 bg-white p-5">
        <h2 className="mb-3 font-semibold">Your identity</h2>
        <dl className="grid grid-cols-[12rem_1fr] gap-y-2">
          <dt className="text-gray-500">Signed in as</dt>
          <dd>{actorLabel(principal)}</dd>
          <dt className="text-gray-500">Account</dt>
          <dd>
            {principal.accountAlias} (UID {principal.accountUid})
          </dd>
          <dt className="text-gray-500">Policies</dt>
          <dd>{abilities.policies.join(", ") || "None"}</dd>
          <dt className="text-gray-500">RAM administrator</dt>
          <dd>{abilities.isAdmin ? "Yes" : "No"}</dd>
        </dl>
      </section>
      <section className="grid gap-4 md:grid-cols-3">
        {[
          { href: "/identities/users", title: "Users", text: "RAM users of this account, their policies and groups." },
          { href: "/identities/roles", title: "Roles", text: "Roles that RAM users can switch to." },
          { href: "/integrations/oauth", title: "OAuth (Preview)", text: "Enterprise and Third-party Applications." },
        ].map((c) => (
          <Link key={c.href} href={c.href} className="rounded-sm border border-gray-200 bg-white p-4 hover:border-link">
            <div className="mb-1 font-semibold">{c.title}</div>
            <div className="text-gray-600">{c.text}</div>
          </Link>
        ))}
      </section>
    </>
  );
}
