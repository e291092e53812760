import { apiRoute } from "@/lib/api/handler";
import { listPolicyUsage } from "@/lib/ram/queries";

/** The system policies, each with how many users, groups and roles of the caller's account have it. */
export const GET = apiRoute(async ({ actor }) => {
  return { items: await listPolicyUsage({ actor: actor }) };
});
