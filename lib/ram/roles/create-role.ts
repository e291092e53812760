import { createNamed } from "../named/create-named";
import type { Principal } from "../principal";
import type { CreateRoleInput } from "../schemas";

/** Creates a RAM role with no policies and nobody trusted to switch to it yet. */
export async function createRole({ actor, input }: { actor: Principal; input: CreateRoleInput }) {
  return createNamed("role", actor, input);
}
