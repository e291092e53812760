import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { installations } from "@/db/schema";
import { installationColumns, type Installation } from "@/lib/apps/install-app";

export async function getInstallation(
  db: Db | Tx,
  accountId: string,
  applicationId: string,
): Promise<Installation | null> {
  const [row] = await db
    .select(installationColumns)
    .from(installations)
    .where(and(eq(installations.accountId, accountId), eq(installations.applicationId, applicationId)));
  return row ?? null;
}
