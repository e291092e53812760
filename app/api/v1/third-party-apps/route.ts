import { z } from "zod";
import { getDb } from "@/db/client";
import { parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { INSTALLATION_SORTS, listInstallations } from "@/lib/apps/installation-queries";
import { requireReader } from "@/lib/ram/authorize";

const querySchema = z.object({
  search: z.string().max(128).optional(),
  sort: z.enum(INSTALLATION_SORTS).default("createdAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** The third-party applications installed in the caller's account. */
export const GET = apiRoute(async ({ request, caller }) => {
  const q = parseQuery(request, querySchema);
  const db = await getDb();
  await requireReader(db, caller.principal);
  return listInstallations(db, caller.principal.accountId, q);
});
