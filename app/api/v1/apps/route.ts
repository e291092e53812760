import { z } from "zod";
import { getDb } from "@/db/client";
import { parseJson, parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { listApplications } from "@/lib/apps/app-queries";
import { createApplicationSchema } from "@/lib/apps/app-schemas";
import { createApplication } from "@/lib/apps/create-application";
import { requireReader } from "@/lib/ram/authorize";

const querySchema = z.object({ page: z.coerce.number().int().min(1).max(100000).optional() });

/** Enterprise Applications: the caller's account's own applications. */
export const GET = apiRoute(async ({ request, caller }) => {
  const q = parseQuery(request, querySchema);
  const db = await getDb();
  await requireReader(db, caller.principal);
  return listApplications(db, caller.principal.accountId, q);
});

/** Create Application. The client secret is in this answer only; it can not be read again. */
export const POST = apiRoute(
  async ({ request, caller }) => {
    const created = await createApplication({ actor: caller.principal, input: await parseJson(request, createApplicationSchema) });
    return {
      client_id: created.clientId,
      ...(created.clientSecret ? { client_secret: created.clientSecret } : {}),
      app: created.app,
    };
  },
  { status: 201 },
);
