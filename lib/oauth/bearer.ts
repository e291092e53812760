import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/ram/principal";

/**
 * Resolves `Authorization: Bearer <access token>` to the person it was issued to, requiring
 * `requiredScope`. Filled in by the authorization server (issue 3); until then every token is refused.
 */
export async function principalFromBearer(authorization: string, requiredScope: string): Promise<Principal> {
  void authorization;
  void requiredScope;
  throw new AppError("unauthorized", "The access token is not valid.");
}
