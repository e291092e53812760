import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button-class";

/** Beside the Third-party Applications list: the way to the requests for approval, with how many wait. */
export async function RequestsLink({ count }: { count: number }) {
  const t = await getTranslations("approvals.list");
  return (
    <Link className={buttonClass("secondary")} href="/integrations/oauth/third-party-apps/requests">
      {count > 0 ? t("linkCount", { count }) : t("link")}
    </Link>
  );
}
