import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { toResponse } from "@/lib/http/error-response";
import { json } from "@/lib/http/json";

/**
 * Liveness and readiness: opens the database (applying migrations, and on first start of the
 * embedded database the demo data) and runs one query. 503 with Retry-After while it is unreachable.
 * Load balancers and the e2e harness wait on it, so the first real request does not pay the start-up.
 */
export async function GET(): Promise<Response> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return json({ status: "ok" });
  } catch (error) {
    return toResponse(error, "api");
  }
}
