import { apiRoute } from "@/lib/api/handler";
import { readApprovalRequest } from "@/lib/apps/governance-reads";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/ram/schemas";

/** One request for approval of the caller's account, with everyone who asked and what Approve offers now. */
export const GET = apiRoute<{ requestId: string }>(async ({ actor, params }) => {
  const id = idSchema.safeParse(params.requestId);
  const found = id.success ? await readApprovalRequest({ actor, requestId: id.data }) : null;
  if (!found) throw new AppError("not_found", { key: "approvals.errors.requestNotFound" });
  return found;
});
