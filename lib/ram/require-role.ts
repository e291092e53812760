import { getDb, type Db, type Tx } from "@/db/client";
import { forbidden } from "@/lib/errors";
import { canReadRam, isAdministrator } from "./admin";
import type { Principal } from "./principal";

/** Throws 403 unless the principal is the owner or a RAM administrator of its account. */
export async function requireAdmin(db: Db | Tx, actor: Principal): Promise<void> {
  if (!(await isAdministrator(db, actor))) {
    throw forbidden({ key: "apiErrors.ram.adminRequired" });
  }
}

/** Throws 403 unless the principal may read RAM. */
export async function requireReader(db: Db | Tx, actor: Principal): Promise<void> {
  if (!(await canReadRam(db, actor))) {
    throw forbidden({ key: "apiErrors.ram.readerRequired" });
  }
}

/**
 * The database for a read, after checking that the actor may read RAM: reads take `{ actor }` and
 * check it themselves, as writes do, so that no page or route can forget it.
 */
export async function readerDb(actor: Principal): Promise<Db> {
  const db = await getDb();
  await requireReader(db, actor);
  return db;
}

/** A write: one transaction that first checks that the actor is the owner or a RAM administrator. */
export async function adminTransaction<T>(actor: Principal, write: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    return write(tx);
  });
}
