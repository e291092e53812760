import type { Db, Tx } from "@/db/client";
import { forbidden } from "@/lib/errors";
import { canReadRam, isAdministrator } from "./admin";
import type { Principal } from "./principal";

/** Throws 403 unless the principal is the owner or a RAM administrator of its account. */
export async function requireAdmin(db: Db | Tx, actor: Principal): Promise<void> {
  if (!(await isAdministrator(db, actor))) {
    throw forbidden("Only the Alibaba Cloud account or a RAM administrator can do this.");
  }
}

/** Throws 403 unless the principal may read RAM. */
export async function requireReader(db: Db | Tx, actor: Principal): Promise<void> {
  if (!(await canReadRam(db, actor))) {
    throw forbidden("You need AliyunRAMReadOnlyAccess or an administrator policy to view this.");
  }
}
