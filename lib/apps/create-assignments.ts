import { assignments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { assertPrincipalInAccount } from "@/lib/ram/attachments/principal-exists";
import { writeOfficialInstallation, type AppRef } from "./app-write";

export type AssigneeRef = Pick<typeof assignments.$inferSelect, "principalType" | "principalId">;

/** Create Assignment: lets RAM users and user groups of the account use an installed official application. */
export async function createAssignments({ assignees, ...ref }: AppRef & { assignees: AssigneeRef[] }): Promise<void> {
  if (assignees.length === 0 || assignees.length > 100)
    throw new AppError("invalid_input", { key: "apiErrors.apps.assigneeCount", values: { min: 1, max: 100 } });
  await writeOfficialInstallation(ref, async (tx, inst) => {
    for (const a of assignees) {
      await assertPrincipalInAccount(tx, ref.actor.accountId, a.principalType, a.principalId);
      await tx
        .insert(assignments)
        .values({ installationId: inst.installationId, ...a })
        .onConflictDoNothing();
    }
    return { action: "CreateAssignment", detail: { assignees }, result: undefined };
  });
}
