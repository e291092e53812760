import type { Tx } from "@/db/client";
import { appSecrets } from "@/db/schema";
import { randomToken, sha256 } from "@/lib/crypto/tokens";

export const SECRET_PREFIX_LENGTH = 6;

/**
 * Creates a client secret inside the caller's transaction. The plain secret is returned to be
 * shown once; only its SHA-256 and its first characters are stored.
 */
export async function insertSecret(tx: Tx, applicationId: string) {
  const secret = randomToken();
  const [row] = await tx
    .insert(appSecrets)
    .values({ applicationId, secretHash: sha256(secret), prefix: secret.slice(0, SECRET_PREFIX_LENGTH) })
    .returning({ id: appSecrets.id, prefix: appSecrets.prefix, createdAt: appSecrets.createdAt });
  return { ...row!, secret };
}
