import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { applications, approvalRequesters, approvalRequests, assignments, ramUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { adminTransaction } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { approvalOffer, approvedScopes } from "./approval-scopes";
import { lockPendingRequest } from "./approval-state";
import { lockClient } from "./clients";
import { installApp } from "./install-app";

/**
 * Approve: an administrator installs the application a request asks for, with the same choices as
 * the consent screen (required scope locked, the optional items asked for each chosen or not),
 * through the consent screen's own installApp, in one transaction that also marks the request
 * approved (installApp answers it). The application row is share-locked before the request row is
 * locked, the order Grant takes them in. For an official application the people who asked are
 * assigned to it too, so that their flow goes on.
 */
export async function approveRequest(opts: { actor: Principal; requestId: string; scopes?: string[] }) {
  const { actor, requestId } = opts;
  return adminTransaction(actor, async (tx) => {
    const clientId = await clientIdOf(tx, actor.accountId, requestId);
    const client = clientId ? await lockClient(tx, clientId) : null;
    const request = client ? await lockPendingRequest(tx, actor.accountId, requestId) : null;
    if (!client || !request) throw new AppError("not_found", { key: "approvals.errors.requestNotFound" });
    if (!client.thirdParty)
      throw new AppError("conflict", { key: "approvals.errors.appUnavailable", values: { app: client.name } });
    const scopes = approvedScopes(approvalOffer(client.scopes, request.scopes), opts.scopes);
    const { installation } = await installApp(tx, {
      actor,
      applicationId: client.id,
      clientId: client.clientId,
      scopes,
      source: "consent",
    });
    const assigned = client.official ? await assignRequesters(tx, actor.accountId, requestId, installation.id) : 0;
    await recordAudit(tx, actor, {
      action: "ApproveApplicationRequest",
      targetType: "application",
      targetId: client.clientId,
      detail: { requestId, scopes: installation.scopes, requesters: request.requesters, assigned },
    });
    return { requestId, clientId: client.clientId, name: client.name, scopes: installation.scopes, assigned };
  });
}

/** The client_id of a request of the account (any status), or null. */
async function clientIdOf(tx: Tx, accountId: string, requestId: string): Promise<string | null> {
  const [row] = await tx
    .select({ clientId: applications.clientId })
    .from(approvalRequests)
    .innerJoin(applications, eq(applications.id, approvalRequests.applicationId))
    .where(and(eq(approvalRequests.id, requestId), eq(approvalRequests.accountId, accountId)));
  return row?.clientId ?? null;
}

/** Assigns the RAM users who asked (role sessions: their user; the owner needs none) to the installed official application. */
async function assignRequesters(tx: Tx, accountId: string, requestId: string, installationId: string) {
  const users = await tx
    .selectDistinct({ id: ramUsers.id })
    .from(approvalRequesters)
    .innerJoin(ramUsers, and(eq(ramUsers.id, approvalRequesters.userId), eq(ramUsers.accountId, accountId)))
    .where(eq(approvalRequesters.requestId, requestId));
  if (users.length === 0) return 0;
  const rows = await tx
    .insert(assignments)
    .values(users.map((u) => ({ installationId, principalType: "user" as const, principalId: u.id })))
    .onConflictDoNothing()
    .returning({ id: assignments.principalId });
  return rows.length;
}
