import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api/handler";
import { requireReader } from "@/lib/ram/authorize";
import { listPolicyUsage } from "@/lib/ram/queries";

/** The system policies, each with how many users, groups and roles of the caller's account have it. */
export const GET = apiRoute(async ({ caller }) => {
  const db = await getDb();
  await requireReader(db, caller.principal);
  return { items: await listPolicyUsage(db, caller.principal.accountId) };
});
