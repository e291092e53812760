import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api/handler";
import { hasAny, listPolicyNames } from "@/lib/ram/admin";
import { adminPolicies } from "@/lib/ram/policies";
import { actorLabel } from "@/lib/ram/principal";

/** Who am I: the caller's identity, account and policies. */
export const GET = apiRoute(async ({ caller }) => {
  const p = caller.principal;
  const policies = await listPolicyNames(await getDb(), p);
  return {
    kind: p.kind,
    identity: actorLabel(p),
    displayName: p.displayName,
    account: { uid: p.accountUid, alias: p.accountAlias },
    policies,
    administrator: hasAny(policies, adminPolicies),
    via: caller.via,
  };
});
