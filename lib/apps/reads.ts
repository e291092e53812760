import { readerDb } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { getApplication, listApplications } from "./app-queries";
import { getInstallationImpact } from "./installation-impact";
import { getInstallationDetails, listInstallations, type ListInstallationsOptions } from "./installation-queries";
import { getOfficialInstallation, listAssigneeChoices, listAssignments, listOfficialCatalog } from "./official-queries";

/**
 * The applications reads that pages and routes call. Each takes `{ actor }` and checks that the
 * actor may read (readerDb), the way each write checks that its actor is an administrator, so
 * that no page or route can forget it. The `*-queries.ts` functions they wrap take a database
 * handle and an account id: the building blocks that services run inside their transactions.
 */
type Read<T = object> = { actor: Principal } & T;

/** The Third-party Applications tab: one page of installations (search, sort, paging). */
export async function readInstallations({ actor, ...opts }: Read<ListInstallationsOptions>) {
  return listInstallations(await readerDb(actor), actor.accountId, opts);
}

/** An installed third-party application with its authorization scope, or null. */
export async function readInstallationDetails({ actor, clientId }: Read<{ clientId: string }>) {
  return getInstallationDetails(await readerDb(actor), actor.accountId, clientId);
}

/** Enterprise Applications: one page of the account's own applications. */
export async function readApplications({ actor, page }: Read<{ page?: number }>) {
  return listApplications(await readerDb(actor), actor.accountId, { page });
}

/** One of the account's own applications with its scopes and secrets, or null. */
export async function readApplication({ actor, clientId }: Read<{ clientId: string }>) {
  return getApplication(await readerDb(actor), actor.accountId, clientId);
}

/** The official applications, each marked installed or not in the actor's account. */
export async function readOfficialCatalog({ actor }: Read) {
  return listOfficialCatalog(await readerDb(actor), actor.accountId);
}

/**
 * The assignments of an official application installed in the actor's account (null if it is not
 * installed), and, when asked, the users and groups that could be assigned.
 */
export async function readAssignments({
  actor,
  clientId,
  withChoices = false,
}: Read<{ clientId: string; withChoices?: boolean }>) {
  const db = await readerDb(actor);
  const inst = await getOfficialInstallation(db, actor.accountId, clientId);
  if (!inst) return null;
  const [assigned, choices] = await Promise.all([
    listAssignments(db, actor.accountId, inst.installationId, actor.accountAlias),
    withChoices ? listAssigneeChoices(db, actor.accountId, actor.accountAlias) : Promise.resolve([]),
  ]);
  return { assigned, choices };
}

/** What Delete Application would stop (people, live tokens, last use), or null when not installed. */
export async function readInstallationImpact({ actor, clientId }: Read<{ clientId: string }>) {
  return getInstallationImpact(await readerDb(actor), actor.accountId, clientId);
}
