import { apiRoute } from "@/lib/api/handler";
import { hasAny } from "@/lib/ram/admin";
import { adminPolicies } from "@/lib/ram/policies";
import { actorLabel } from "@/lib/ram/principal";
import { listOwnPolicyNames } from "@/lib/ram/queries";

/** Who am I: the caller's identity, account and policies. */
export const GET = apiRoute(async ({ actor, via }) => {
  const p = actor;
  const policies = await listOwnPolicyNames({ actor: p });
  return {
    kind: p.kind,
    identity: actorLabel(p),
    displayName: p.displayName,
    account: { uid: p.accountUid, alias: p.accountAlias },
    policies,
    administrator: hasAny(policies, adminPolicies),
    via,
  };
});
