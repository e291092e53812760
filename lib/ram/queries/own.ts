import { getDb } from "@/db/client";
import { listPolicyNames } from "../admin";
import { listNamedOfUser } from "./named";
import type { Read } from "./read";

/** Roles the actor (a RAM user) may switch to; none for the owner. Needs no read permission. */
export async function listAssumableRoles({ actor }: Read) {
  if (!actor.userId) return [];
  return listNamedOfUser(await getDb(), "role", actor.userId);
}

/** The policies that apply to the actor (who am I). Needs no read permission. */
export async function listOwnPolicyNames({ actor }: Read): Promise<string[]> {
  return listPolicyNames(await getDb(), actor);
}
