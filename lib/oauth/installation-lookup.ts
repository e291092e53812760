import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { installations } from "@/db/schema";
import { installationColumns, type Installation } from "@/lib/apps/install-app";

/** The installation of an application in an account, or null. One prepared statement (every authorization reads it). */
export async function getInstallation(
  db: Db | Tx,
  accountId: string,
  applicationId: string,
): Promise<Installation | null> {
  const query = preparedOnce(db, "installation_of_app", () =>
    db
      .select(installationColumns)
      .from(installations)
      .where(
        and(
          eq(installations.accountId, sql.placeholder("accountId")),
          eq(installations.applicationId, sql.placeholder("applicationId")),
        ),
      )
      .prepare("installation_of_app"),
  );
  const [row] = await query.execute({ accountId, applicationId });
  return row ?? null;
}
