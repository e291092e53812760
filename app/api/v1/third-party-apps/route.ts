import { z } from "zod";
import { parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { INSTALLATION_SORTS } from "@/lib/apps/installation-queries";
import { readInstallations } from "@/lib/apps/reads";
import { pageParamsSchema } from "@/lib/http/page-params";

const querySchema = pageParamsSchema.extend({
  sort: z.enum(INSTALLATION_SORTS).default("createdAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** The third-party applications installed in the caller's account. */
export const GET = apiRoute(async ({ request, actor }) => {
  const q = parseQuery(request, querySchema);
  return readInstallations({ actor: actor, ...q });
});
