import { randomInt } from "node:crypto";
import { hasHumanAccount } from "@/db/catalog";
import type { Db } from "@/db/client";
import { accounts, auditEvents, installationState } from "@/db/schema";
import { hashPassword } from "@/lib/crypto/password";
import { AppError } from "@/lib/errors";
import type { FirstOwnerInput } from "./first-owner-schema";
import { isSetupOpen } from "./setup-state";

const closed = () => new AppError("conflict", { key: "apiErrors.setup.alreadySetUp" });

/**
 * The first-run page's one write: the first account and its owner. Race-safe: the singleton
 * installation_state row is inserted first in the same transaction, so of two simultaneous calls
 * the second waits on that row's key and then finds it taken; it writes nothing.
 */
export async function createFirstOwner(db: Db, input: FirstOwnerInput): Promise<{ accountId: string; uid: string }> {
  if (!(await isSetupOpen(db))) throw closed();
  // scrypt outside the transaction: no row is locked while the password is hashed.
  const ownerPasswordHash = await hashPassword(input.password);
  const uid = newAccountUid();
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(installationState)
      .values({ firstAccountUid: uid })
      .onConflictDoNothing()
      .returning({ id: installationState.id });
    // Still nobody with an account (demo data may have been loaded meanwhile): checked under the claim.
    if (claimed.length === 0 || (await hasHumanAccount(tx))) throw closed();
    const [account] = await tx
      .insert(accounts)
      .values({ uid, alias: input.alias, ownerEmail: input.email, ownerPasswordHash })
      .returning({ id: accounts.id });
    await tx.insert(auditEvents).values({
      accountId: account!.id,
      actor: input.email,
      action: "CreateAccount",
      targetType: "account",
      targetId: uid,
      detail: { alias: input.alias, via: "first-run" },
    });
    return { accountId: account!.id, uid };
  });
}

/** A 16-digit account UID, like the ones RAM shows (never starting with 0). */
function newAccountUid(): string {
  let uid = String(randomInt(1, 10));
  while (uid.length < 16) uid += String(randomInt(0, 10));
  return uid;
}
