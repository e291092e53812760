import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { ramUsers } from "@/db/schema";
import { readerDb } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import {
  countPendingRequests,
  getApprovalRequest,
  listApprovalRequests,
  type ListApprovalOptions,
} from "./approval-queries";
import { getAuthorizedApp, listAuthorizedApps } from "./authorized-app-queries";

/**
 * The reads of requests for approval and of authorized applications, for pages and routes. As in
 * reads.ts, each takes `{ actor }` and checks what the actor may read: the account's requests and
 * another person's applications need RAM read permission; a person's own applications need none.
 */
type Read<T = object> = { actor: Principal } & T;

/** One page of the account's requests for approval (pending or answered). */
export async function readApprovalRequests({ actor, ...opts }: Read<ListApprovalOptions>) {
  return listApprovalRequests(await readerDb(actor), actor.accountId, opts);
}

/** One request of the account with everyone who asked, or null. */
export async function readApprovalRequest({ actor, requestId }: Read<{ requestId: string }>) {
  return getApprovalRequest(await readerDb(actor), actor.accountId, requestId);
}

/** The count on the Third-party Applications tab. */
export async function readPendingRequestCount({ actor }: Read) {
  return countPendingRequests(await readerDb(actor), actor.accountId);
}

/** My authorized applications: the actor's own (any signed-in person). */
export async function readOwnAuthorizedApps({ actor }: Read) {
  return listAuthorizedApps(await getDb(), actor);
}

/** One of the actor's own authorized applications, or null. */
export async function readOwnAuthorizedApp({ actor, clientId }: Read<{ clientId: string }>) {
  return getAuthorizedApp(await getDb(), actor, clientId);
}

/** A RAM user's authorized applications, as the user sees them, for an administrator or reader; null: no such user here. */
export async function readUserAuthorizedApps({ actor, userId }: Read<{ userId: string }>) {
  const db = await readerDb(actor);
  const [user] = await db
    .select({ subject: ramUsers.subject })
    .from(ramUsers)
    .where(and(eq(ramUsers.id, userId), eq(ramUsers.accountId, actor.accountId)));
  return user ? listAuthorizedApps(db, { accountId: actor.accountId, subject: user.subject }) : null;
}
