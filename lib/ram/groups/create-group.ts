import { createNamed } from "../named/create-named";
import type { Principal } from "../principal";
import type { CreateGroupInput } from "../schemas";

/** Creates a user group; a second group with the same name in the account is a conflict. */
export async function createGroup({ actor, input }: { actor: Principal; input: CreateGroupInput }) {
  return createNamed("group", actor, input);
}
