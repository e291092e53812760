import { toResponse } from "@/lib/oauth/error-response";
import { json } from "@/lib/http/json";
import { checkDatabase } from "@/lib/setup/health";

/**
 * Liveness and readiness: opens the database (applying migrations, and on first start of the
 * embedded database the demo data) and runs one query. 503 with Retry-After while it is unreachable.
 * Load balancers and the e2e harness wait on it, so the first real request does not pay the start-up.
 */
export async function GET(): Promise<Response> {
  try {
    await checkDatabase();
    return json({ status: "ok" });
  } catch (error) {
    return toResponse(error, "api");
  }
}
