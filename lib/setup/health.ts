import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/**
 * Readiness: opens the database (applying migrations, and on first start of the embedded database
 * the demo data) and runs one query. Throws while the database is unreachable.
 */
export async function checkDatabase(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`select 1`);
}
