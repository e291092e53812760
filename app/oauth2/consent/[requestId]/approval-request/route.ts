import { approvalRequestEndpoint } from "@/lib/oauth/approval-request-endpoint";

export const POST = approvalRequestEndpoint;
