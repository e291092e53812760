import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { installations } from "@/db/schema";

export async function getInstallation(db: Db | Tx, accountId: string, appId: string) {
  const [row] = await db
    .select({ id: installations.id, scopes: installations.scopes, source: installations.source, createdAt: installations.createdAt })
    .from(installations)
    .where(and(eq(installations.accountId, accountId), eq(installations.appId, appId)));
  return row ?? null;
}
