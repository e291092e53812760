import { revocationEndpoint } from "@/lib/oauth/revocation-endpoint";

export const POST = revocationEndpoint;
