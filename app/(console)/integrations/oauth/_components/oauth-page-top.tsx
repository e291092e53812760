import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { OAuthTabs } from "@/components/console/oauth-tabs";
import { PageHeader } from "@/components/console/page-header";
import { readPendingRequestCount } from "@/lib/apps/governance-reads";
import type { Abilities } from "@/lib/auth/current";
import type { Principal } from "@/lib/ram/principal";

/**
 * The top of every OAuth (Preview) list page: its heading and the tabs, with the count of pending
 * requests for approval on Third-party Applications. `refusal` is the whole page for someone who
 * may not read the account (the tabs stay, so they can see where they are).
 */
export async function oauthPageTop(
  actor: Principal,
  abilities: Abilities,
  heading: { title: string; description: string },
) {
  const pending = abilities.canRead ? await readPendingRequestCount({ actor }) : 0;
  const header = (
    <>
      <PageHeader title={heading.title} description={heading.description} />
      <OAuthTabs pendingRequests={pending} />
    </>
  );
  const refusal = abilities.canRead ? null : (
    <>
      {header}
      <ForbiddenNotice />
    </>
  );
  return { pending, header, refusal };
}
