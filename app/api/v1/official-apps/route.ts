import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api/handler";
import { listOfficialCatalog } from "@/lib/apps/official-queries";
import { requireReader } from "@/lib/ram/authorize";

/** The official applications, each marked installed or not in the caller's account. */
export const GET = apiRoute(async ({ caller }) => {
  const db = await getDb();
  await requireReader(db, caller.principal);
  return { items: await listOfficialCatalog(db, caller.principal.accountId) };
});
