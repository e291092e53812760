import { z } from "zod";
import { getDb } from "@/db/client";
import { parseJson, parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { requireReader } from "@/lib/ram/authorize";
import { logonNameOf } from "@/lib/ram/principal";
import { listUsers } from "@/lib/ram/queries";
import { createUserSchema } from "@/lib/ram/schemas";
import { createUser } from "@/lib/ram/users/create-user";

const querySchema = z.object({ search: z.string().max(128).optional(), page: z.coerce.number().int().min(1).max(100000).optional() });

export const GET = apiRoute(async ({ request, caller }) => {
  const q = parseQuery(request, querySchema);
  const db = await getDb();
  await requireReader(db, caller.principal);
  const result = await listUsers(db, caller.principal.accountId, q);
  return { ...result, items: result.items.map((u) => ({ ...u, logonName: logonNameOf(u.name, caller.principal.accountAlias) })) };
});

export const POST = apiRoute(
  async ({ request, caller }) => createUser({ actor: caller.principal, input: await parseJson(request, createUserSchema) }),
  { status: 201 },
);
